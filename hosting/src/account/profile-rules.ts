/**
 * The profile field rules the form checks as the member types. They are `@plaza/contracts`'
 * (`api/profiles.ts`), repeated here because importing them brings zod into the page's initial
 * JavaScript, over its budget; `profile-rules.test.ts` keeps both equal.
 */
export const usernamePattern = /^[a-z0-9._-]{3,20}$/;
export const bioMaxLength = 280;
export const displayNameMaxLength = 80;
