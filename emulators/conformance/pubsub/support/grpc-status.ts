import type { status } from '@grpc/grpc-js';
import { expect } from 'vitest';

/** Asserts that a call fails with the given gRPC status code. */
export async function expectStatus(call: Promise<unknown>, code: status): Promise<void> {
  await expect(call).rejects.toMatchObject({ code });
}
