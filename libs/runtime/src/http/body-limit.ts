import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env.ts';
import { ProblemError } from './problem-error.ts';

/**
 * 413 for a body over `maxBytes`, declared (Content-Length) or streamed (chunked), before any
 * handler reads it. GET and HEAD are let through untouched: fetch's Request cannot carry a
 * body for them, so Hono would find none, but merely asking for `body` turns
 * @hono/node-server's lightweight request into a full undici Request, which cost the most
 * common requests two thirds of their throughput.
 */
export function requestBodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes.`);
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
