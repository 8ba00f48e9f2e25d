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
 * Counts one request against `key` and sets the draft-7 `RateLimit` headers; returns the 429
 * problem once the key is over its limit. hono-rate-limiter's MemoryStore keeps the counters;
 * its middleware is not used because it awaits five times and binds two functions per request,
 * which the service paid twice on every request.
 */
export type RateLimitCounter = (c: Context, key: string) => Response | undefined;

/**
 * Counters live in this instance's memory: each Cloud Run instance limits on its own, so the
 * effective limit is roughly `limit × instances`. That is the intent: a cheap brake on abuse
 * and runaway clients with no shared store on the request path.
 */
export function rateLimitCounter({ limit, windowMs }: Pick<RateLimitOptions, 'limit' | 'windowMs'>): RateLimitCounter {
  const store = new MemoryStore();
  store.init({ windowMs } as Parameters<MemoryStore['init']>[0]);
  const policy = `${limit};w=${Math.ceil(windowMs / 1000)}`;
  return (c, key) => {
    const { totalHits, resetTime } = store.increment(key);
    const now = Date.now();
    const resetSeconds = Math.max(0, Math.ceil(((resetTime?.getTime() ?? now + windowMs) - now) / 1000));
    setResponseHeader(c, 'RateLimit-Policy', policy);
    setResponseHeader(c, 'RateLimit', `limit=${limit}, remaining=${Math.max(limit - totalHits, 0)}, reset=${resetSeconds}`);
    if (totalHits <= limit) return undefined;
    const retryAfterSeconds = Math.max(1, resetSeconds);
    return problemResponse(c, 429, 'rate_limited', `Try again in ${retryAfterSeconds} s.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  };
}

/** The key a limit counts under: the signed-in user for `user` limits, else the client address. */
export function rateLimitKey(c: Context<AppEnv>, key: RateLimitOptions['key']): string {
  const user = key === 'user' ? c.get('user') : undefined;
  return user ? `user:${user.uid}` : `ip:${c.get('clientAddress')}`;
}

/** A rate limit with its own counters; routes add a stricter one on top of the service's. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const counter = rateLimitCounter(options);
  return (c, next) => {
    const limited = counter(c, rateLimitKey(c, options.key));
    return limited ? Promise.resolve(limited) : next();
  };
}
