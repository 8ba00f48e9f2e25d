import { status } from '@grpc/grpc-js';

/**
 * An error that maps to one gRPC status. grpc-js reads `code` and `details` from whatever a handler
 * rejects with, so an instance can be passed straight to a unary callback or `call.destroy()`.
 */
export class FirestoreError extends Error {
  readonly code: status;
  readonly details: string;

  constructor(code: status, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = message;
  }
}

export class InvalidArgumentError extends FirestoreError {
  constructor(message: string) {
    super(status.INVALID_ARGUMENT, message);
  }
}

export class NotFoundError extends FirestoreError {
  constructor(message: string) {
    super(status.NOT_FOUND, message);
  }
}

export class AlreadyExistsError extends FirestoreError {
  constructor(message: string) {
    super(status.ALREADY_EXISTS, message);
  }
}

export class FailedPreconditionError extends FirestoreError {
  constructor(message: string) {
    super(status.FAILED_PRECONDITION, message);
  }
}

/** Transaction contention: the client SDKs retry the whole transaction on this code. */
export class AbortedError extends FirestoreError {
  constructor(message: string) {
    super(status.ABORTED, message);
  }
}
