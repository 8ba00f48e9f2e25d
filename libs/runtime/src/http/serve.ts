import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve as serveNode } from '@hono/node-server';
import type { Hono } from 'hono';
import { createLogger, type Logger } from '../logging/logger.ts';
import { startDraining } from './service-draining.ts';

export interface ServeOptions {
  port: number;
  /** 0.0.0.0 by default, as Cloud Run needs; local tools and tests pass 127.0.0.1. */
  hostname?: string;
  /** Run after the last request is answered, e.g. to stop the outbox sweeper or flush clients. */
  onShutdown?: () => void | Promise<void>;
  /**
   * How long in-flight requests may still run after SIGTERM. Cloud Run kills the instance
   * 10 s after SIGTERM, so the default leaves time for the shutdown hook.
   */
  drainTimeoutMs?: number;
  logger?: Logger;
}

export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** What SIGTERM and SIGINT do, minus exiting the process. */
  shutdown(): Promise<void>;
}

/**
 * Serves an app on Node with graceful shutdown: on SIGTERM or SIGINT it stops accepting
 * connections, tells streams to end (serviceDraining), lets in-flight requests finish (up to
 * drainTimeoutMs), runs onShutdown and exits 0.
 */
export function serve(app: Pick<Hono, 'fetch'>, options: ServeOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ service: 'server' });
  const drainTimeoutMs = options.drainTimeoutMs ?? 8_000;
  return new Promise((resolve) => {
    const server = serveNode({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '0.0.0.0' }, (info: AddressInfo) => {
      logger.info({ port: info.port, hostname: info.address }, `listening on ${info.address}:${info.port}`);
      let stopping: Promise<void> | undefined;
      const shutdown = () => {
        // Once stopping, a signal gets Node's default again: a second Ctrl-C ends the process at
        // once, and a server stopped by shutdown() leaves no handler behind.
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        return (stopping ??= drainAndStop(server as Server, drainTimeoutMs, logger, options.onShutdown));
      };
      const onSignal = (signal: NodeJS.Signals) => {
        logger.info({ signal }, `${signal}: draining`);
        shutdown().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      resolve({ port: info.port, shutdown });
    });
  });
}

async function drainAndStop(server: Server, drainTimeoutMs: number, logger: Logger, onShutdown: ServeOptions['onShutdown']) {
  startDraining();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would otherwise hold close() open until they time out, and so
  // would each one that a request in flight leaves idle when it ends (a stream that ended on
  // serviceDraining): Node closes those after keepAliveTimeout (and a second of its own), which
  // from now on is 1 ms.
  server.closeIdleConnections();
  server.keepAliveTimeout = 1;
  const drained = await Promise.race([closed.then(() => true), delay(drainTimeoutMs).then(() => false)]);
  if (!drained) {
    logger.warn({ drainTimeoutMs }, 'requests still running at the drain deadline; closing their connections');
    server.closeAllConnections();
    await closed;
  }
  await onShutdown?.();
  logger.info('stopped');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
