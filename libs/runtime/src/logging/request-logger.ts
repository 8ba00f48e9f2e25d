import type { Context } from 'hono';
import type { Logger } from './logger.ts';
import { traceContextFrom, traceLogFields } from './trace-context.ts';

/** A child of `root` carrying the request id and trace, so every line a handler writes is correlated. */
export function requestLoggerFor(root: Logger, headers: Headers, requestId: string, projectId: string): Logger {
  return root.child({ requestId, ...traceLogFields(traceContextFrom(headers), projectId) });
}

/**
 * The one access line per request, in Cloud Logging's `httpRequest` shape, at a severity that
 * follows the status. `startedAt` is from `performance.now()`.
 */
export function logAccess(logger: Logger, c: Context, startedAt: number): void {
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
        latency: `${((performance.now() - startedAt) / 1000).toFixed(6)}s`,
      },
    },
    `${c.req.method} ${c.req.path} ${status}`,
  );
}
