import { ChangePasswordRequest } from '@plaza/contracts';
import { createRouter, defineRoute, firebaseAuth, ProblemError } from '@plaza/runtime';
import { withToolkitProblems } from './action-code-problems.ts';
import { authAccounts } from './auth-accounts.ts';
import { IdentityToolkitError, identityToolkit } from './identity-toolkit.ts';
import { assertPasswordPolicy } from './password-policy-problem.ts';
import { signOutEverywhere } from '../sessions/sign-out-everywhere.ts';

export const changePasswordRoute = defineRoute({
  method: 'post',
  path: '/me/password',
  operationId: 'changePassword',
  tags: ['account'],
  summary: "Change the signed-in user's password",
  description:
    'Checks currentPassword, checks newPassword against the password policy, sets it, and signs the account out ' +
    'everywhere (refresh tokens and session cookies are revoked). The dashboard then signs in again with the new ' +
    'password. 409 for an account without a password (Google or GitHub only): a password reset sets one.',
  access: 'user',
  // Each try checks a password; Identity Toolkit has its own brake too (429).
  rateLimit: { limit: 5, windowMs: 60_000, key: 'user' },
  request: { body: { required: true, content: { 'application/json': { schema: ChangePasswordRequest } } } },
  responses: { 204: { description: 'Changed; every session is signed out' } },
});

// Identity Toolkit's answers for a wrong password; INVALID_LOGIN_CREDENTIALS when email
// enumeration protection is on, which is the default for new projects.
const wrongPassword = new Set(['INVALID_PASSWORD', 'INVALID_LOGIN_CREDENTIALS', 'EMAIL_NOT_FOUND']);

export const changePasswordRoutes = createRouter().openapi(changePasswordRoute, async (c) => {
  const { currentPassword, newPassword } = c.req.valid('json');
  const { uid } = c.get('user');
  const account = await authAccounts.get(uid);
  const email = account.email;
  if (!email || !account.providerData.some(({ providerId }) => providerId === 'password')) {
    throw new ProblemError(409, 'conflict', 'This account has no password to change; a password reset sets one.');
  }
  assertPasswordPolicy(newPassword, email, newPassword === currentPassword ? [{ message: 'must differ from the current password' }] : []);

  await withToolkitProblems(async () => {
    try {
      await identityToolkit.signInWithPassword(email, currentPassword);
    } catch (error) {
      if (error instanceof IdentityToolkitError && wrongPassword.has(error.reason)) {
        throw new ProblemError(400, 'validation_failed', 'The current password is not right.', {
          errors: [{ path: 'body.currentPassword', message: 'is not your current password' }],
        });
      }
      throw error;
    }
  });

  const auth = await firebaseAuth();
  await auth.updateUser(uid, { password: newPassword });
  // Every other device signs in again with the new password; so does this one, which knows it.
  await signOutEverywhere(uid);
  return c.body(null, 204);
});
