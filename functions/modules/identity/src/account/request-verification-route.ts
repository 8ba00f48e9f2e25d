import { emailVerificationRequested } from '@plaza/contracts';
import { createRouter, defineRoute, firebaseAuth, ProblemError, runUseCase } from '@plaza/runtime';
import { identityConfig } from '../identity-config.ts';
import { accountDisplayName } from './account-display-name.ts';
import { mailRouteRateLimit } from './account-mail-limits.ts';
import { dashboardActionUrl } from './action-link.ts';
import { authAccounts } from './auth-accounts.ts';
import { emailSendLog } from './email-send-log.ts';

export const requestVerificationRoute = defineRoute({
  method: 'post',
  path: '/auth/verification',
  operationId: 'requestEmailVerification',
  tags: ['account'],
  summary: 'Mail the signed-in user a link to verify their email address',
  description:
    'Emits plaza.identity.emailverification.requested.v1; the mailer sends the link. At most 2 a minute per ' +
    'client address and per email address (429 with Retry-After). 409 when the address is already verified.',
  access: 'user',
  rateLimit: mailRouteRateLimit,
  responses: { 202: { description: 'The link is on its way' } },
});

export const requestVerificationRoutes = createRouter().openapi(requestVerificationRoute, async (c) => {
  const { uid } = c.get('user');
  // Auth's record, not the token: the token may predate a verification or an email change.
  const account = await authAccounts.get(uid);
  const email = account.email;
  if (!email) throw new ProblemError(409, 'conflict', 'This account has no email address to verify.');
  if (account.emailVerified) throw new ProblemError(409, 'conflict', 'This email address is already verified.');
  await emailSendLog.assertAllowed(email);

  const link = await (await firebaseAuth()).generateEmailVerificationLink(email);
  const actionUrl = dashboardActionUrl(identityConfig().appUrl, link, 'verifyEmail');
  const displayName = await accountDisplayName(uid, account.displayName);
  await runUseCase(
    async ({ tx, emit }) => {
      await emailSendLog.admitIn(tx, email);
      emit(emailVerificationRequested, { uid, email, displayName, actionUrl }, { subject: `users/${uid}` });
    },
    { logger: c.get('logger') },
  );
  return c.body(null, 202);
});
