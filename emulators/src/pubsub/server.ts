import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';

/**
 * One port for gRPC and plain HTTP: each connection's first bytes tell an HTTP/2 client (gRPC
 * starts with the "PRI * HTTP/2.0" preface) from an HTTP/1.1 one (the JWKS and the readiness
 * probe), so PUBSUB_EMULATOR_HOST is the only address a developer or a consumer needs.
 */
export interface SharedPortServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface GrpcService {
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
// Enough to tell "PRI " from every HTTP/1.1 method.
const SNIFF_BYTES = 4;
// The real service takes publish requests up to 10 MB; grpc-js's default limit is 4 MB.
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export async function listenOnSharedPort(
  host: string,
  port: number,
  services: readonly GrpcService[],
  httpHandler: RequestListener,
): Promise<SharedPortServer> {
  const grpcServer = new Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  for (const service of services) grpcServer.addService(service.definition, service.implementation);
  const grpcConnections = grpcServer.createConnectionInjector(ServerCredentials.createInsecure());
  const httpServer = createHttpServer(httpHandler);
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
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        tcpServer.close(() => resolve());
        grpcConnections.destroy();
        grpcServer.forceShutdown();
        httpServer.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
