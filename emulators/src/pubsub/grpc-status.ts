import { status, type StatusObject } from '@grpc/grpc-js';
import { PubSubError } from './errors.ts';

/** The status a failed call ends with: the PubSubError's own, or INTERNAL for a bug (reported). */
export function toGrpcStatus(error: unknown, reportError: (error: unknown) => void): Partial<StatusObject> {
  if (error instanceof PubSubError) return { code: error.code, details: error.message };
  reportError(error);
  return { code: status.INTERNAL, details: `Internal error: ${error instanceof Error ? error.message : String(error)}` };
}
