import { z } from 'zod';
import { permissions } from '../permissions/permission-catalog.ts';
import { roles } from '../permissions/role-permissions.ts';

/** `GET /v1/me`: the signed-in user's profile and what they may do. */
export const MeResponse = z
  .object({
    uid: z.string(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    displayName: z.string().nullable(),
    roles: z.array(z.enum(roles)),
    permissions: z.array(z.enum(permissions)),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MeResponse' });

export type MeResponse = z.infer<typeof MeResponse>;
