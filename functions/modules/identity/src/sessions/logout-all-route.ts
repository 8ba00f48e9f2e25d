import { clearedSessionCookieHeader, createRouter, defineRoute } from '@plaza/runtime';
import { signOutEverywhere } from './sign-out-everywhere.ts';

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
  await signOutEverywhere(uid);
  c.get('logger').info({ uid }, 'all sessions revoked by the user');
  c.header('Set-Cookie', clearedSessionCookieHeader, { append: true });
  return c.body(null, 204);
});
