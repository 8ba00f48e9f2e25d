import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { Server as GrpcServer, ServerCredentials } from '@grpc/grpc-js';

export interface SharedPortServer {
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

export interface SharedPortOptions {
  host: string;
  port: number;
  grpc: GrpcServer;
  http: (request: IncomingMessage, response: ServerResponse) => void;
}

/** Every HTTP/2 connection (gRPC over cleartext is always HTTP/2 with prior knowledge) opens with this. */
const HTTP2_PREFACE_START = Buffer.from('PRI');

/**
 * Serves gRPC and a small HTTP/1.1 API on ONE port, as the official emulator does, by looking at
 * the first bytes of each connection. The socket itself is handed to grpc-js through its
 * connection injector (no proxy hop, no second port); the peeked bytes are put back in front.
 */
export function listenOnSharedPort({ host, port, grpc, http }: SharedPortOptions): Promise<SharedPortServer> {
  const grpcConnections = grpc.createConnectionInjector(ServerCredentials.createInsecure());
  const httpServer = createHttpServer(http);
  const sockets = new Set<Socket>();

  const route = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let peeked = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      peeked = Buffer.concat([peeked, chunk]);
      if (peeked.length < HTTP2_PREFACE_START.length && peeked.equals(HTTP2_PREFACE_START.subarray(0, peeked.length))) return;
      socket.off('data', onData);
      socket.pause();
      if (peeked.subarray(0, HTTP2_PREFACE_START.length).equals(HTTP2_PREFACE_START)) {
        socket.unshift(peeked);
        grpcConnections.injectConnection(socket);
      } else {
        // Node's HTTP/1 parser reads the native handle directly and would never see unshifted
        // bytes, so the peeked ones are replayed as the first 'data' event instead.
        httpServer.emit('connection', socket);
        socket.emit('data', peeked);
        socket.resume();
      }
    };
    socket.on('data', onData);
  };

  const netServer = createNetServer(route);
  return new Promise((resolve, reject) => {
    netServer.once('error', reject);
    netServer.listen(port, host, () => {
      netServer.off('error', reject);
      const address = netServer.address() as AddressInfo;
      let closing: Promise<void> | undefined;
      resolve({
        port: address.port,
        host,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            grpc.forceShutdown();
            grpcConnections.destroy();
            httpServer.close();
            for (const socket of sockets) socket.destroy();
            netServer.close(() => done());
          })),
      });
    });
  });
}
