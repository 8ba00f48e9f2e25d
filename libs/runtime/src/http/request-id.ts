const requestIdMaxLength = 128;
const saneRequestId = /^[\w=-]+$/;

/**
 * The caller's `X-Request-Id` when it is at most 128 of `[A-Za-z0-9_=-]` (safe to log and echo,
 * and lets a support ticket name a request), otherwise a fresh UUID. The rules of
 * hono/request-id, which this replaces inside the request context.
 */
export function requestIdFrom(header: string | undefined): string {
  return header && header.length <= requestIdMaxLength && saneRequestId.test(header) ? header : crypto.randomUUID();
}
