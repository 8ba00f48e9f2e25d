import { z } from 'zod';
import { avatarUrlMaxLength, bioMaxLength, displayNameMaxLength, usernamePattern } from './profile-limits.ts';

/** A username (see `usernamePattern`): trimmed and lower-cased, then checked. */
export const Username = z
  .string()
  .max(64, 'A username has at most 20 characters')
  .trim()
  .toLowerCase()
  .regex(usernamePattern, "A username is 3 to 20 characters: lower-case letters, digits, '.', '_' or '-'")
  .meta({
    id: 'Username',
    example: 'ada.lovelace',
    description: 'Trimmed and lower-cased before the pattern is checked, so `Ada.Lovelace` claims `ada.lovelace`.',
  });

/** What a member may call themselves: trimmed, 1 to 80 characters, or null to show none. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'A display name needs at least one visible character; send null to remove it')
  .max(displayNameMaxLength, `A display name has at most ${displayNameMaxLength} characters`)
  .nullable();

/** An https URL only: the dashboard embeds it, and mixed or script content must never get in. */
export const AvatarUrl = z
  .string()
  .trim()
  .max(avatarUrlMaxLength, `An avatar URL has at most ${avatarUrlMaxLength} characters`)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'An avatar URL is an https:// URL' }))
  .nullable();

/** A short bio or status; an empty one (after trimming) removes it, like null. */
export const Bio = z
  .string()
  .trim()
  .max(bioMaxLength, `A bio has at most ${bioMaxLength} characters`)
  .nullable();

/**
 * `PATCH /v1/me/profile`: every field optional, absent fields are left as they are, null removes
 * a field. A username can be changed (the old one is released at once) but not removed.
 */
export const UpdateProfileRequest = z
  .object({
    username: Username.optional(),
    displayName: DisplayName.optional(),
    avatarUrl: AvatarUrl.optional(),
    bio: Bio.optional(),
  })
  .strict()
  .meta({ id: 'UpdateProfileRequest' });

export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** What anyone signed in may see of a member: never the email. */
export const PublicProfile = z
  .object({
    uid: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    bio: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PublicProfile' });

export type PublicProfile = z.infer<typeof PublicProfile>;

/** `GET /v1/users?q=`: ordered by username; `nextCursor` is opaque and null on the last page. */
export const UserList = z
  .object({
    items: z.array(PublicProfile),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'UserList' });

export type UserList = z.infer<typeof UserList>;

export const usernameUnavailableReasons = ['invalid', 'reserved', 'taken'] as const;

/**
 * `GET /v1/usernames/{username}/availability`: answered while the member types, so an invalid or
 * reserved name is an answer (with the reason and a sentence to show), not an error. `username` is
 * the normalized form that would be claimed. The caller's own current name is available.
 */
export const UsernameAvailability = z
  .object({
    username: z.string(),
    available: z.boolean(),
    reason: z.enum(usernameUnavailableReasons).nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'UsernameAvailability' });

export type UsernameAvailability = z.infer<typeof UsernameAvailability>;
