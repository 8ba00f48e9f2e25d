import { CsrfTokenResponse } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError, sessionCookieName, sessionCookieOf, sessionPolicyOf } from '@plaza/runtime';

export const csrfTokenRoute = defineRoute({
  method: 'get',
  path: '/auth/csrf',
  operationId: 'getCsrfToken',
  tags: ['sessions'],
  summary: 'The CSRF token of the session cookie this request carries',
  description: 'For a page that lost the token `POST /v1/auth/session` returned (a reload). Needs the session cookie, not a Bearer token.',
  access: 'user',
  responses: { 200: { description: 'The token', content: { 'application/json': { schema: CsrfTokenResponse } } } },
});

export const csrfTokenRoutes = createRouter().openapi(csrfTokenRoute, (c) => {
  const sessionCookie = sessionCookieOf(c);
  if (!sessionCookie) {
    throw new ProblemError(400, 'validation_failed', 'Only a request signed in by the session cookie has a CSRF token.', {
      errors: [{ path: `cookies.${sessionCookieName}`, message: 'Required: sign in with the session cookie, without an Authorization header' }],
    });
  }
  c.header('Cache-Control', 'no-store');
  return c.json({ csrfToken: sessionPolicyOf(c).csrf.tokenFor(sessionCookie) }, 200);
});
