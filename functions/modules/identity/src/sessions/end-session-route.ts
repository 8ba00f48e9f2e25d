import { clearedSessionCookieHeader, createRouter, defineRoute } from '@plaza/runtime';

export const endSessionRoute = defineRoute({
  method: 'delete',
  path: '/auth/session',
  operationId: 'endSession',
  tags: ['sessions'],
  summary: 'Sign this browser out',
  description:
    'Clears the `__session` cookie. Other devices stay signed in, and a copy of the cookie taken elsewhere stays valid ' +
    'until it expires; `POST /v1/auth/logout-all` ends them all. Signed in by the cookie, it needs `X-CSRF-Token`.',
  access: 'public',
  responses: { 204: { description: 'The cookie is cleared' } },
});

export const endSessionRoutes = createRouter().openapi(endSessionRoute, (c) => {
  c.header('Set-Cookie', clearedSessionCookieHeader, { append: true });
  return c.body(null, 204);
});
