import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Logger } from './logger.ts';
import { traceContextFrom, traceLogFields } from './trace-context.ts';

/**
 * Gives each request a child logger with its request id and trace, so every line a handler
 * writes is correlated, and writes one access line per request in Cloud Logging's
 * `httpRequest` shape, at a severity that follows the status.
 */
export function requestLogger(root: Logger, projectId: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const logger = root.child({ requestId: c.get('requestId'), ...traceLogFields(traceContextFrom(c.req.raw.headers), projectId) });
    c.set('logger', logger);
    await next();
    const status = c.res.status;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        httpRequest: {
          requestMethod: c.req.method,
          requestUrl: c.req.url,
          status,
          remoteIp: c.get('clientAddress'),
          userAgent: c.req.header('user-agent'),
          referer: c.req.header('referer'),
          latency: `${((performance.now() - started) / 1000).toFixed(6)}s`,
        },
      },
      `${c.req.method} ${c.req.path} ${status}`,
    );
  };
}
