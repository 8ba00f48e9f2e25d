import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { ServerCredentials, type Server as GrpcServer } from '@grpc/grpc-js';

export interface SharedPortServer {
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

export interface SharedPortOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  grpc: GrpcServer;
  http: RequestListener;
}

const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
// Enough to tell "PRI " from every HTTP/1.1 method.
const SNIFF_BYTES = 4;

/**
 * Serves gRPC and a small HTTP/1.1 API on ONE port, as Google's emulators do, so one
 * `*_EMULATOR_HOST` is all a client needs. Each connection's first bytes tell an HTTP/2 client
 * (gRPC over cleartext always opens with the HTTP/2 preface) from an HTTP/1.1 one. The socket
 * itself goes to grpc-js through its connection injector, so there is no proxy hop and no second
 * port; the sniffed bytes are put back in front of the stream.
 */
export async function listenOnSharedPort({ host, port, grpc, http }: SharedPortOptions): Promise<SharedPortServer> {
  const grpcConnections = grpc.createConnectionInjector(ServerCredentials.createInsecure());
  const httpServer = createHttpServer(http);
  const sockets = new Set<Socket>();

  const route = (socket: Socket): void => {
    const chunks: Buffer[] = [];
    const onReadable = (): void => {
      for (let chunk: Buffer | null; (chunk = socket.read() as Buffer | null) !== null; ) chunks.push(chunk);
      const head = Buffer.concat(chunks);
      if (head.length < SNIFF_BYTES && HTTP2_PREFACE.subarray(0, head.length).equals(head)) return;
      socket.off('readable', onReadable);
      socket.unshift(head);
      if (head.subarray(0, SNIFF_BYTES).equals(HTTP2_PREFACE.subarray(0, SNIFF_BYTES))) {
        grpcConnections.injectConnection(socket);
      } else {
        httpServer.emit('connection', socket);
        // Listening for 'readable' paused the socket; the HTTP parser reads it in flowing mode.
        socket.resume();
      }
    };
    socket.on('readable', onReadable);
  };

  const tcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A peer resetting the connection must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    route(socket);
  });

  await new Promise<void>((resolve, reject) => {
    tcpServer.once('error', reject);
    tcpServer.listen(port, host, () => {
      tcpServer.off('error', reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    port: (tcpServer.address() as AddressInfo).port,
    host,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        tcpServer.close(() => resolve());
        grpcConnections.destroy();
        grpc.forceShutdown();
        httpServer.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      })),
  };
}
