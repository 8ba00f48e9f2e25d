import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore } from 'hono-rate-limiter';
import type { AppEnv } from './app-env.ts';
import { problemResponse } from './problem-response.ts';
import { setResponseHeader } from './response-header.ts';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  /** `user` counts per signed-in user, and per address for anonymous callers. */
  key: 'ip' | 'user';
}

/**
 * A rate limit with its own counters; routes add a stricter one on top of the service's. Each
 * request counts once against its key and gets the draft-7 `RateLimit` headers; over the limit
 * it is a 429 problem with `Retry-After`. hono-rate-limiter's MemoryStore keeps the counters,
 * without its middleware, which awaited five times and bound two functions per request.
 *
 * Counters live in this instance's memory: each Cloud Run instance limits on its own, so the
 * effective limit is roughly `limit × instances`. That is the intent: a cheap brake on abuse
 * and runaway clients with no shared store on the request path.
 */
export function rateLimit({ limit, windowMs, key }: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const store = new MemoryStore();
  store.init({ windowMs } as Parameters<MemoryStore['init']>[0]);
  const policy = `${limit};w=${Math.ceil(windowMs / 1000)}`;
  // Not async: under the limit there is nothing to do once the handler runs.
  return (c, next) => {
    const { totalHits, resetTime } = store.increment(keyOf(c, key));
    const now = Date.now();
    const resetSeconds = Math.max(0, Math.ceil(((resetTime?.getTime() ?? now + windowMs) - now) / 1000));
    setResponseHeader(c, 'RateLimit-Policy', policy);
    setResponseHeader(c, 'RateLimit', `limit=${limit}, remaining=${Math.max(limit - totalHits, 0)}, reset=${resetSeconds}`);
    if (totalHits <= limit) return next();
    const retryAfterSeconds = Math.max(1, resetSeconds);
    return Promise.resolve(
      problemResponse(c, 429, 'rate_limited', `Try again in ${retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      }),
    );
  };
}

/** The signed-in user for `user` limits, else the client address. */
function keyOf(c: Context<AppEnv>, key: RateLimitOptions['key']): string {
  const user = key === 'user' ? c.get('user') : undefined;
  return user ? `user:${user.uid}` : `ip:${c.get('clientAddress')}`;
}
