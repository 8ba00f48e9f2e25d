import type { ServerDuplexStream } from '@grpc/grpc-js';
import { toServiceError } from './grpc-calls.ts';

/** The server's half of one bidirectional call, as a protocol session sees it. */
export interface BidiStream<Response> {
  /** Sends a response; a no-op once the call is over. */
  send(response: Response): void;
  /** Ends the call: with OK, or with the status `error` maps to. Idempotent. */
  finish(error?: unknown): void;
}

/** One protocol session per call: it handles requests in order and releases what it holds on close. */
export interface BidiSession<Request> {
  onRequest(request: Request): void;
  /** Called exactly once, however the call ends (finish, client half-close, cancel, disconnect). */
  onClose?(): void;
}

/**
 * Adapts a session factory to a grpc-js bidi handler. Whatever a session throws ends that call
 * with a status instead of reaching the process, and every way a call can end closes the session,
 * so store subscriptions never outlive their stream.
 */
export function bidiStreamHandler<Request, Response>(open: (stream: BidiStream<Response>) => BidiSession<Request>) {
  return (call: ServerDuplexStream<Request, Response>): void => {
    let closed = false;
    let session: BidiSession<Request> | undefined;

    const finish = (error?: unknown): void => {
      if (closed) return;
      closed = true;
      try {
        session?.onClose?.();
      } finally {
        if (!call.cancelled && !call.writableEnded) {
          if (error === undefined) call.end();
          else call.emit('error', toServiceError(error));
        }
      }
    };

    const stream: BidiStream<Response> = {
      send: (response) => {
        if (!closed && !call.cancelled && !call.writableEnded) call.write(response);
      },
      finish,
    };

    // Registered before the session opens, so an end or failure during opening still closes it.
    call.on('end', () => finish());
    call.on('cancelled', () => finish());
    call.on('close', () => finish());
    // Also fires for the status finish() itself emits; by then closed is set and nothing repeats.
    call.on('error', (error) => finish(error));
    call.on('data', (request: Request | null) => {
      if (closed || !session) return;
      try {
        session.onRequest(request ?? ({} as Request));
      } catch (error) {
        finish(error);
      }
    });

    try {
      session = open(stream);
    } catch (error) {
      finish(error);
    }
  };
}
