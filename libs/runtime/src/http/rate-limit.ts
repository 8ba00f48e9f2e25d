import type { MiddlewareHandler } from 'hono';
import { rateLimiter, type RateLimitInfo } from 'hono-rate-limiter';
import type { AppEnv } from './app-env.ts';
import { problemResponse } from './problem-response.ts';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  /** `user` counts per signed-in user, and per address for anonymous callers. */
  key: 'ip' | 'user';
}

// hono-rate-limiter puts the counter state of the current request in `c.var.rateLimit`.
interface RateLimitedEnv {
  Variables: AppEnv['Variables'] & { rateLimit?: RateLimitInfo };
}

/**
 * A rate limit with its own counters; routes add a stricter one on top of the service's.
 * Counters live in this instance's memory: each Cloud Run instance limits on its own, so the
 * effective limit is roughly `limit × instances`. That is the intent: a cheap brake on abuse
 * and runaway clients with no shared store on the request path.
 */
export function rateLimit({ limit, windowMs, key }: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return rateLimiter<RateLimitedEnv>({
    limit,
    windowMs,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => {
      const user = key === 'user' ? c.get('user') : undefined;
      return user ? `user:${user.uid}` : `ip:${c.get('clientAddress')}`;
    },
    handler: (c) => {
      const resetTime = c.get('rateLimit')?.resetTime;
      const retryAfterSeconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      return problemResponse(c, 429, 'rate_limited', `Try again in ${retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      });
    },
  });
}
