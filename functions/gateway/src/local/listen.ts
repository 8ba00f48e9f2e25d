import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export interface Listening {
  origin: string;
  port: number;
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Serves a fetch handler on 127.0.0.1 (port 0 picks a free one). The local runner owns the
 * process's signals, so it serves its parts with the bare adapter rather than the runtime's
 * `serve`, which installs a SIGTERM handler for a process of its own.
 */
export function listen(fetch: FetchHandler, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
      server.off('error', reject);
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
