import type { CloudEvent, EventDefinition } from '@plaza/contracts';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { createCloudEvent, type CloudEventOptions } from './create-cloud-event.ts';
import { newOutboxEntry, outboxCollection } from './outbox-entry.ts';
import type { PendingEvent } from './publish-outbox-entries.ts';

/** Records events in the outbox inside one transaction attempt and remembers them for publishing after the commit. */
export interface OutboxRecorder {
  /**
   * Records an event in the outbox, in the transaction. It is a write, so (as for every
   * Firestore transaction) do the reads first.
   */
  emit<T>(event: EventDefinition<T>, data: T, options?: CloudEventOptions): CloudEvent<T>;
  /** What this attempt recorded; publish it once the transaction committed. */
  readonly pending: readonly PendingEvent[];
}

/**
 * One per transaction attempt: Firestore reruns a transaction's function on contention, and only
 * the last attempt's events are committed, so each attempt starts a fresh recorder.
 */
export function outboxRecorder(db: Firestore, tx: Transaction): OutboxRecorder {
  const pending: PendingEvent[] = [];
  return {
    pending,
    emit(definition, data, options) {
      const event = createCloudEvent(definition, data, options);
      tx.create(db.collection(outboxCollection).doc(event.id), newOutboxEntry(event, definition.topic, new Date()));
      pending.push({ event, topic: definition.topic });
      return event;
    },
  };
}
