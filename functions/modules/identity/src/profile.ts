import type { MeResponse } from '@plaza/contracts';
import type { AuthUser } from '@plaza/runtime';
import { z } from 'zod';

/** A profile as stored in `users/{uid}`; read back through this schema so bad data fails loudly. */
export const profileSchema = z.object({
  uid: z.string().min(1),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export type Profile = z.infer<typeof profileSchema>;

/** The profile of a user seen for the first time, from what their ID token says. */
export function newProfile(user: AuthUser, now: Date): Profile {
  const name = user.claims['name'];
  return {
    uid: user.uid,
    email: user.email,
    displayName: typeof name === 'string' && name.trim() !== '' ? name.trim() : null,
    createdAt: now.toISOString(),
  };
}

/**
 * Roles, permissions and the verification state come from the token, not the profile: they are
 * what this request was authorized with, and the token is their source of truth.
 */
export function meResponse(profile: Profile, user: AuthUser): MeResponse {
  return {
    uid: profile.uid,
    email: user.email,
    emailVerified: user.emailVerified,
    displayName: profile.displayName,
    roles: [...user.roles],
    permissions: [...user.permissions].sort(),
    createdAt: profile.createdAt,
  };
}
