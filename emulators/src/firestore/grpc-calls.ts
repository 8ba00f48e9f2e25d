import { status, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream, type ServiceError } from '@grpc/grpc-js';
import { FirestoreError } from './errors.ts';

/** What a handler may throw or reject with, turned into the status the client sees. */
export function toServiceError(error: unknown): Partial<ServiceError> {
  if (error instanceof FirestoreError) return { code: error.code, details: error.details, message: error.details };
  // Anything else is our bug, not the client's: say so, keep serving.
  const message = error instanceof Error ? error.message : String(error);
  return { code: status.INTERNAL, details: `Internal emulator error: ${message}`, message };
}

/**
 * Adapts an async request → response function to a grpc-js unary handler. Every failure,
 * synchronous or not, becomes a status; nothing reaches the process as an uncaught exception.
 */
export function unaryHandler<Request, Response>(handle: (request: Request, call: ServerUnaryCall<Request, Response>) => Response | Promise<Response>) {
  return (call: ServerUnaryCall<Request, Response>, callback: sendUnaryData<Response>): void => {
    new Promise<Response>((resolve) => resolve(handle(call.request ?? ({} as Request), call))).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(error)),
    );
  };
}

/**
 * Adapts an async function that writes responses to a grpc-js server-streaming handler. The
 * signal fires when the client cancels, so waits (e.g. for locks) stop with it.
 */
export function serverStreamHandler<Request, Response>(
  handle: (request: Request, send: (response: Response) => void, signal: AbortSignal) => Promise<void>,
) {
  return (call: ServerWritableStream<Request, Response>): void => {
    const cancelled = new AbortController();
    call.on('cancelled', () => cancelled.abort());
    const send = (response: Response): void => {
      if (!call.cancelled) call.write(response);
    };
    new Promise<void>((resolve) => resolve(handle(call.request ?? ({} as Request), send, cancelled.signal))).then(
      () => {
        if (!call.cancelled) call.end();
      },
      (error: unknown) => {
        if (!call.cancelled) call.emit('error', toServiceError(error));
      },
    );
  };
}
