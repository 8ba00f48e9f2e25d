import { createPlazaClient } from '@plaza/api-client';

let csrfToken: string | undefined;

/** The session's CSRF token, set on sign-in and on load; the client sends it with every change. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The one API client of the dashboard, through Hosting's `/api` rewrite (same origin, cookie session). */
export const api = createPlazaClient({ baseUrl: '/api', csrfToken: () => csrfToken });
