import { z } from 'zod';
import { permissions } from '../permissions/permission-catalog.ts';
import { roles } from '../permissions/role-permissions.ts';

/**
 * `GET /v1/me`: the signed-in user's profile and what they may do. `email`, `emailVerified`,
 * `createdAt` (the account's creation) and `lastSignInAt` come from Firebase Auth's record, so
 * they are current even when the token predates a verification; roles and permissions are what
 * this request's token was authorized with.
 */
export const MeResponse = z
  .object({
    uid: z.string(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    username: z.string().nullable(),
    displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    bio: z.string().nullable(),
    roles: z.array(z.enum(roles)),
    permissions: z.array(z.enum(permissions)),
    createdAt: z.iso.datetime(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'MeResponse' });

export type MeResponse = z.infer<typeof MeResponse>;
