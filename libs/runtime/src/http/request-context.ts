import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logging/logger.ts';
import { logAccess, requestLoggerFor } from '../logging/request-logger.ts';
import type { AppEnv } from './app-env.ts';
import { clientAddressOf } from './client-address.ts';
import { requestIdFrom } from './request-id.ts';
import { finishResponseHeaders, setResponseHeader } from './response-header.ts';
import { securityHeaders } from './security-headers.ts';

export interface RequestContextOptions {
  logger: Logger;
  projectId: string;
  trustedProxyHops: number;
}

/**
 * What every request gets before anything else, in one middleware rather than four (each layer
 * of Hono's middleware chain costs an async call and a promise per request): its request id
 * (echoed as `X-Request-Id`), `clientAddress`, a child logger with the request id and trace,
 * the security headers, and one access line when the answer is known.
 */
export function requestContext({ logger, projectId, trustedProxyHops }: RequestContextOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    const requestLogger = requestLoggerFor(logger, c.req.raw.headers, requestId, projectId);
    c.set('requestId', requestId);
    c.set('clientAddress', clientAddressOf(c, trustedProxyHops));
    c.set('logger', requestLogger);
    // Set before the handler (first the request id: finishResponseHeaders checks for it), so
    // its response or problem is written with them.
    setResponseHeader(c, 'X-Request-Id', requestId);
    for (const [name, value] of securityHeaders) setResponseHeader(c, name, value);
    await next();
    finishResponseHeaders(c);
    logAccess(requestLogger, c, startedAt);
  };
}
