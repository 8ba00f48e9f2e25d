import type { RateLimitOptions } from '@plaza/runtime';

/**
 * Per client address, on each route that mails someone: 2 a minute, as the per-address limit
 * (email-send-window.ts). Counted per instance, like every route limit; the per-address limit is
 * the one that holds across instances.
 */
export const mailRouteRateLimit: RateLimitOptions = { limit: 2, windowMs: 60_000, key: 'ip' };
