/**
 * The profile fields' limits as plain values, apart from the zod schemas that enforce them
 * (`profiles.ts`): the dashboard checks them as the member types, and a module without zod keeps
 * zod out of the page's JavaScript.
 */

/**
 * A username as stored and shown: 3 to 20 of `a-z 0-9 . _ -`. Input is trimmed and lower-cased
 * first, so `" Ada.L "` claims `ada.l`: names that differ only in case would be impersonations,
 * and a lookup by `/v1/users/Ada.L` finds the same member. Reserved names are refused by the
 * server, which owns that list (see the availability check).
 */
export const usernamePattern = /^[a-z0-9._-]{3,20}$/;
export const displayNameMaxLength = 80;
export const avatarUrlMaxLength = 2048;
export const bioMaxLength = 280;
