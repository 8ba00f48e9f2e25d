import { status } from '@grpc/grpc-js';

/**
 * A failure the client should see as a gRPC status. Domain code throws these; the gRPC adapter
 * turns them into statuses, and anything else into INTERNAL, so no input reaches the process as
 * an uncaught exception.
 */
export class PubSubError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = 'PubSubError';
  }
}

export const invalidArgument = (message: string): PubSubError => new PubSubError(status.INVALID_ARGUMENT, message);
export const notFound = (message: string): PubSubError => new PubSubError(status.NOT_FOUND, message);
export const alreadyExists = (message: string): PubSubError => new PubSubError(status.ALREADY_EXISTS, message);
export const unimplemented = (message: string): PubSubError => new PubSubError(status.UNIMPLEMENTED, message);
