import { passwordResetRequested, PasswordResetRequest } from '@plaza/contracts';
import { createRouter, defineRoute, firebaseAuth, runUseCase } from '@plaza/runtime';
import { identityConfig } from '../identity-config.ts';
import { accountDisplayName } from './account-display-name.ts';
import { mailRouteRateLimit } from './account-mail-limits.ts';
import { dashboardActionUrl } from './action-link.ts';
import { authAccounts, isAuthError } from './auth-accounts.ts';
import { emailSendLog } from './email-send-log.ts';

export const requestPasswordResetRoute = defineRoute({
  method: 'post',
  path: '/auth/password-reset',
  operationId: 'requestPasswordReset',
  tags: ['account'],
  summary: 'Mail a password reset link to an address, if it has an account',
  description:
    'Always 202, whether or not the address has an account, so it cannot tell who has one. For an existing, ' +
    'enabled account it emits plaza.identity.passwordreset.requested.v1 and the mailer sends the link. At most ' +
    '2 a minute per client address and per email address (429 with Retry-After), for every address alike.',
  access: 'public',
  rateLimit: mailRouteRateLimit,
  request: { body: { required: true, content: { 'application/json': { schema: PasswordResetRequest } } } },
  responses: { 202: { description: 'If the address has an account, a link is on its way' } },
});

export const requestPasswordResetRoutes = createRouter().openapi(requestPasswordResetRoute, async (c) => {
  const email = c.req.valid('json').email.toLowerCase();
  // Counted for unknown addresses too: a limit that only existing accounts hit would tell them apart.
  await emailSendLog.assertAllowed(email);
  const account = await authAccounts.findByEmail(email);
  const reset = account && !account.disabled && account.email ? await resetLinkFor(account.email) : undefined;
  const displayName = account && reset ? await accountDisplayName(account.uid, account.displayName) : null;

  await runUseCase(
    async ({ tx, emit }) => {
      await emailSendLog.admitIn(tx, email);
      if (!account || !reset) return;
      emit(
        passwordResetRequested,
        { uid: account.uid, email: reset.email, displayName, actionUrl: reset.actionUrl },
        { subject: `users/${account.uid}` },
      );
    },
    { logger: c.get('logger') },
  );
  return c.body(null, 202);
});

async function resetLinkFor(email: string): Promise<{ email: string; actionUrl: string } | undefined> {
  try {
    const link = await (await firebaseAuth()).generatePasswordResetLink(email);
    return { email, actionUrl: dashboardActionUrl(identityConfig().appUrl, link, 'resetPassword') };
  } catch (error) {
    // Deleted since we looked it up: the same answer as for an address that never had an account.
    if (isAuthError(error, 'auth/email-not-found') || isAuthError(error, 'auth/user-not-found')) return undefined;
    throw error;
  }
}
