import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * Sets `c.var.clientAddress`. Each trusted proxy appends the address it saw to
 * X-Forwarded-For, so the client is the entry `trustedProxyHops` from the right; anything
 * left of it was written by the client and could be forged to dodge a rate limit.
 * With no trusted proxy the socket's peer is the client.
 */
export function clientAddress(trustedProxyHops: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientAddress', forwardedAddress(c.req.header('x-forwarded-for'), trustedProxyHops) ?? socketAddress(c.env));
    await next();
  };
}

function forwardedAddress(header: string | undefined, hops: number): string | undefined {
  if (hops === 0 || !header) return undefined;
  const entries = header.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries[entries.length - hops];
}

// In-process requests (app.request in tests, or a serverless adapter) have no socket.
function socketAddress(env: unknown): string {
  return (env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}
