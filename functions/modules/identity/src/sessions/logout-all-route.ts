import { clearedSessionCookieHeader, createRouter, defineRoute, firebaseAuth, forgetVerifiedCredentials } from '@plaza/runtime';

export const logoutAllRoute = defineRoute({
  method: 'post',
  path: '/auth/logout-all',
  operationId: 'logoutAll',
  tags: ['sessions'],
  summary: 'Sign out everywhere',
  description:
    "Revokes the user's refresh tokens: every ID token and session cookie issued before now, this one included, is " +
    'refused from the next request on (401 `session_revoked`), and no device can refresh its way back in.',
  access: 'user',
  responses: { 204: { description: 'Every session is revoked' } },
});

export const logoutAllRoutes = createRouter().openapi(logoutAllRoute, async (c) => {
  const { uid } = c.get('user');
  await (await firebaseAuth()).revokeRefreshTokens(uid);
  // This instance would otherwise trust the user's recently verified credentials for a few more seconds.
  forgetVerifiedCredentials(uid);
  c.get('logger').info({ uid }, 'all sessions revoked by the user');
  c.header('Set-Cookie', clearedSessionCookieHeader, { append: true });
  return c.body(null, 204);
});
