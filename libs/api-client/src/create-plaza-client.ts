import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type PlazaClient = Client<paths>;

export interface PlazaClientOptions {
  /** Where the API's `/v1` paths live: `/api` behind Firebase Hosting's rewrite. */
  baseUrl: string;
  /**
   * The CSRF token of the session cookie, sent as `X-CSRF-Token` on every request that changes
   * something; undefined while signed out.
   */
  csrfToken: () => string | undefined;
  fetch?: typeof globalThis.fetch;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A client typed by the gateway's OpenAPI document. Requests carry the session cookie
 * (same-origin) and, when they change something, the cookie's CSRF token (ADR 10).
 */
export function createPlazaClient({ baseUrl, csrfToken, fetch }: PlazaClientOptions): PlazaClient {
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', ...(fetch ? { fetch } : {}) });
  const csrf: Middleware = {
    onRequest({ request }) {
      const token = csrfToken();
      if (token && !safeMethods.has(request.method)) request.headers.set('X-CSRF-Token', token);
      return request;
    },
  };
  client.use(csrf);
  return client;
}
