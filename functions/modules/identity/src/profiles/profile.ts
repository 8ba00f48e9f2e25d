import type { MeResponse, PublicProfile, UpdateProfileRequest } from '@plaza/contracts';
import type { AuthUser } from '@plaza/runtime';
import { z } from 'zod';

/**
 * A profile as stored in `users/{uid}`; read back through this schema so bad data fails loudly.
 * The fields added after the first profiles were written default to null (and false).
 */
export const profileSchema = z.object({
  uid: z.string().min(1),
  email: z.string().nullable(),
  username: z.string().nullable().default(null),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable().default(null),
  bio: z.string().nullable().default(null),
  createdAt: z.iso.datetime(),
  /** Set by an admin's deactivation (profilesRepository.setDisabledIn): hidden from lookup and search. */
  disabled: z.boolean().default(false),
});

export type Profile = z.infer<typeof profileSchema>;

/** The profile of a user seen for the first time, from what their ID token says. */
export function newProfile(user: AuthUser, now: Date): Profile {
  const name = user.claims['name'];
  return {
    uid: user.uid,
    email: user.email,
    username: null,
    displayName: typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 80) : null,
    avatarUrl: null,
    bio: null,
    createdAt: now.toISOString(),
    disabled: false,
  };
}

/** A partial update, already validated: absent fields stay, null (or an empty bio) removes. */
export function applyProfileChanges(profile: Profile, changes: UpdateProfileRequest): Profile {
  return {
    ...profile,
    ...(changes.username !== undefined ? { username: changes.username } : {}),
    ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
    ...(changes.avatarUrl !== undefined ? { avatarUrl: changes.avatarUrl } : {}),
    ...(changes.bio !== undefined ? { bio: changes.bio === '' ? null : changes.bio } : {}),
  };
}

/** What Firebase Auth's record says about the account (see auth-account.ts). */
export interface AuthAccount {
  email: string | null;
  emailVerified: boolean;
  /** Null only if Auth has no creation time; the profile's is used then. */
  createdAt: string | null;
  lastSignInAt: string | null;
}

/**
 * Roles and permissions come from the token: they are what this request was authorized with.
 * The email, its verification and the times come from Auth's record, which is fresher than a
 * token issued before the member clicked their verification link.
 */
export function meResponse(profile: Profile, user: AuthUser, account: AuthAccount): MeResponse {
  return {
    uid: profile.uid,
    email: account.email,
    emailVerified: account.emailVerified,
    username: profile.username,
    displayName: profile.displayName,
    avatarUrl: profile.avatarUrl,
    bio: profile.bio,
    roles: [...user.roles],
    permissions: [...user.permissions].sort(),
    createdAt: account.createdAt ?? profile.createdAt,
    lastSignInAt: account.lastSignInAt,
  };
}

/** Undefined for a profile with no username (it has no public page) or a disabled one. */
export function publicProfile(profile: Profile): PublicProfile | undefined {
  if (profile.username === null || profile.disabled) return undefined;
  const { uid, username, displayName, avatarUrl, bio, createdAt } = profile;
  return { uid, username, displayName, avatarUrl, bio, createdAt };
}
