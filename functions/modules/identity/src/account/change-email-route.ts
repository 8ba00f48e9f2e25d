import { ChangeEmailRequest, emailChangeRequested } from '@plaza/contracts';
import { createRouter, defineRoute, firebaseAuth, ProblemError, runUseCase } from '@plaza/runtime';
import { identityConfig } from '../identity-config.ts';
import { accountDisplayName } from './account-display-name.ts';
import { mailRouteRateLimit } from './account-mail-limits.ts';
import { dashboardActionUrl } from './action-link.ts';
import { authAccounts, isAuthError } from './auth-accounts.ts';
import { emailSendLog } from './email-send-log.ts';
import { assertRecentSignIn } from './recent-sign-in.ts';

export const changeEmailRoute = defineRoute({
  method: 'post',
  path: '/me/email',
  operationId: 'changeEmail',
  tags: ['account'],
  summary: "Start moving the signed-in user's account to a new email address",
  description:
    'Needs a sign-in from the last 5 minutes (else 401 reauthentication_required). Emits ' +
    'plaza.identity.emailchange.requested.v1: the mailer sends a confirmation link to the NEW address, and ' +
    'nothing changes until that link is applied (POST /v1/auth/actions). 409 when the address belongs to ' +
    'another account. At most 2 a minute per client address and per new address.',
  access: 'user',
  rateLimit: mailRouteRateLimit,
  request: { body: { required: true, content: { 'application/json': { schema: ChangeEmailRequest } } } },
  responses: { 202: { description: 'A confirmation link is on its way to the new address' } },
});

export const changeEmailRoutes = createRouter().openapi(changeEmailRoute, async (c) => {
  const user = c.get('user');
  assertRecentSignIn(user.claims);
  const newEmail = c.req.valid('json').newEmail.toLowerCase();
  const account = await authAccounts.get(user.uid);
  const currentEmail = account.email;
  // Firebase finds the account to change by its current address.
  if (!currentEmail) throw new ProblemError(409, 'conflict', 'This account has no email address to change.');
  if (currentEmail === newEmail) {
    throw new ProblemError(400, 'validation_failed', 'That is already your email address.', {
      errors: [{ path: 'body.newEmail', message: 'is already your address' }],
    });
  }
  if (await authAccounts.findByEmail(newEmail)) throw emailTaken();
  await emailSendLog.assertAllowed(newEmail);

  let link: string;
  try {
    link = await (await firebaseAuth()).generateVerifyAndChangeEmailLink(currentEmail, newEmail);
  } catch (error) {
    if (isAuthError(error, 'auth/email-already-exists')) throw emailTaken();
    throw error;
  }
  const actionUrl = dashboardActionUrl(identityConfig().appUrl, link, 'verifyAndChangeEmail');
  const displayName = await accountDisplayName(user.uid, account.displayName);
  await runUseCase(
    async ({ tx, emit }) => {
      await emailSendLog.admitIn(tx, newEmail);
      emit(
        emailChangeRequested,
        { uid: user.uid, currentEmail, newEmail, displayName, actionUrl },
        { subject: `users/${user.uid}` },
      );
    },
    { logger: c.get('logger') },
  );
  return c.body(null, 202);
});

function emailTaken(): ProblemError {
  return new ProblemError(409, 'conflict', 'That email address already belongs to another account.');
}
