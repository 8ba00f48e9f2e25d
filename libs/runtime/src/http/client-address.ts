import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/**
 * The caller's address as far as we can trust it. Each trusted proxy appends the address it saw
 * to X-Forwarded-For, so the client is the entry `trustedProxyHops` from the right; anything
 * left of it was written by the client and could be forged to dodge a rate limit.
 * With no trusted proxy the socket's peer is the client.
 */
export function clientAddressOf(c: Context, trustedProxyHops: number): string {
  return forwardedAddress(trustedProxyHops === 0 ? undefined : c.req.header('x-forwarded-for'), trustedProxyHops) ?? socketAddress(c.env);
}

function forwardedAddress(header: string | undefined, hops: number): string | undefined {
  if (!header) return undefined;
  const entries = header.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries[entries.length - hops];
}

// In-process requests (app.request in tests, or a serverless adapter) have no socket.
function socketAddress(env: unknown): string {
  return (env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}
