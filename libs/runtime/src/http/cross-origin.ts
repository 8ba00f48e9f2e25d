import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './app-env.ts';
import { setResponseHeader } from './response-header.ts';

/**
 * CORS for the origins in `allowedOrigins`, with credentials. Only a request with an `Origin`
 * header takes part in CORS (every cross-origin request and every preflight carries one). The
 * dashboard is same-origin behind Firebase Hosting: its GETs, most of the traffic, carry none;
 * browsers add one to its writes, which go through CORS as before. Hono's cors touches the
 * response before the handler runs, which makes Hono rebuild the handler's response as a full
 * undici Response, so requests without an Origin skip it. They still get `Vary: Origin`: the
 * answer does depend on the header, and a cache must not serve it to a cross-origin caller.
 */
export function crossOrigin(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  const withCors = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  });
  return (c, next) => {
    if (c.req.header('origin') !== undefined) return withCors(c, next);
    // Prepared rather than appended afterwards, so this layer need not wait for the handler.
    setResponseHeader(c, 'Vary', 'Origin', { append: true });
    return next();
  };
}
