import { z } from 'zod';
import { passwordPolicyDescription } from '../password-policy.ts';

/**
 * What a one-time action link does; the dashboard's `/auth/action?mode=…&oobCode=…` page reads
 * both from the link and posts them back to `POST /v1/auth/actions`.
 */
export const ActionMode = z.enum(['verifyEmail', 'resetPassword', 'verifyAndChangeEmail']).meta({ id: 'ActionMode' });
export type ActionMode = z.infer<typeof ActionMode>;

const oobCode = z.string().min(1).max(1024).describe('The `oobCode` of the action link');
const email = z.email().max(320);
// The policy itself is checked by the route, which knows the account's address; here only a
// bound on what a request may carry.
const password = z.string().min(1).max(1024);
const newPassword = password.describe(`The new password: ${passwordPolicyDescription}`);

/**
 * `POST /v1/auth/actions`: applies the code of an action link. A `resetPassword` code without
 * `newPassword` is only checked (the page can show whose password it resets) and stays usable.
 */
export const ApplyActionRequest = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('verifyEmail'), oobCode }).strict(),
    z.object({ mode: z.literal('verifyAndChangeEmail'), oobCode }).strict(),
    z.object({ mode: z.literal('resetPassword'), oobCode, newPassword: newPassword.optional() }).strict(),
  ])
  .meta({ id: 'ApplyActionRequest' });
export type ApplyActionRequest = z.infer<typeof ApplyActionRequest>;

export const ApplyActionResponse = z
  .object({
    mode: ActionMode,
    /** The account's address once the code is applied: the new one after an email change. */
    email: z.string(),
    /** False only when a `resetPassword` code was checked without a new password. */
    applied: z.boolean(),
  })
  .meta({ id: 'ApplyActionResponse' });
export type ApplyActionResponse = z.infer<typeof ApplyActionResponse>;

/** `POST /v1/auth/password-reset`: always 202, whether or not the address has an account. */
export const PasswordResetRequest = z.object({ email }).strict().meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** `POST /v1/me/password`. */
export const ChangePasswordRequest = z
  .object({ currentPassword: password, newPassword })
  .strict()
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** `POST /v1/me/email`: nothing changes until the link sent to `newEmail` is applied. */
export const ChangeEmailRequest = z.object({ newEmail: email }).strict().meta({ id: 'ChangeEmailRequest' });
export type ChangeEmailRequest = z.infer<typeof ChangeEmailRequest>;
