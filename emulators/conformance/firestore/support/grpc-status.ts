import { expect } from 'vitest';

/** gRPC status codes the suite asserts, by name (the values are fixed by the gRPC spec). */
export const Code = {
  OK: 0,
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
} as const;

export interface CodedError extends Error {
  code: number;
  details?: string;
}

/**
 * Awaits a promise that must reject with the given gRPC status code and returns the error, so a
 * test can assert more about it. A promise that resolves fails the test.
 */
export async function expectRejectedWith(promise: Promise<unknown>, code: number): Promise<CodedError> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) {
    throw new Error(`expected a rejection with gRPC code ${code}, but it resolved with ${String(outcome.value)}`);
  }
  expect(outcome.error, String(outcome.error)).toMatchObject({ code });
  return outcome.error as CodedError;
}
