import type { CloudEvent, EventDefinition } from '@plaza/contracts';
import type { Transaction } from 'firebase-admin/firestore';
import type { CloudEventOptions } from './create-cloud-event.ts';
import { resolveOutboxDependencies, type OutboxDependencies } from './outbox-dependencies.ts';
import { outboxRecorder } from './outbox-recorder.ts';
import { publishOutboxEntries, type PendingEvent } from './publish-outbox-entries.ts';

export interface UseCaseContext {
  readonly tx: Transaction;
  /**
   * Records an event in the outbox, in the use case's transaction. It is a write, so (as for
   * every Firestore transaction) do the reads first.
   */
  emit<T>(event: EventDefinition<T>, data: T, options?: CloudEventOptions): CloudEvent<T>;
}

/**
 * Runs a use case: its domain change and its events commit together in one Firestore
 * transaction, so an event exists if and only if the change does. The events are published right
 * after the commit, and awaited: Cloud Run throttles the CPU once a response is sent, so
 * publishing in the background would stall. A failed publish does not fail the use case; the
 * outbox sweeper delivers it.
 */
export async function runUseCase<Result>(
  work: (context: UseCaseContext) => Promise<Result>,
  dependencies: OutboxDependencies = {},
): Promise<Result> {
  const { firestore, publisher, logger } = resolveOutboxDependencies(dependencies);
  const db = await firestore();
  let pending: readonly PendingEvent[] = [];
  const result = await db.runTransaction(async (tx) => {
    // Firestore reruns the function on contention; only the last attempt's events committed.
    const outbox = outboxRecorder(db, tx);
    pending = outbox.pending;
    return work({ tx, emit: outbox.emit });
  });
  await publishOutboxEntries(db, publisher, pending, logger);
  return result;
}
