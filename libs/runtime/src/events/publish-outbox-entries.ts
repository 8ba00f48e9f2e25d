import type { CloudEvent } from '@plaza/contracts';
import type { Firestore } from 'firebase-admin/firestore';
import type { Logger } from '../logging/logger.ts';
import type { EventPublisher } from './event-publisher.ts';
import { outboxCollection } from './outbox-entry.ts';

export interface PendingEvent {
  readonly event: CloudEvent;
  readonly topic: string;
}

export interface PublishOutcome {
  readonly published: number;
  readonly failed: number;
}

/**
 * Publishes committed outbox entries and marks the ones that went out. A failure is logged, never
 * thrown: the entry stays unpublished and the sweeper delivers it later. If marking fails after a
 * publish, the sweeper publishes again; consumers dedupe by event id, so that costs a duplicate
 * message, not a duplicate effect.
 */
export async function publishOutboxEntries(
  db: Firestore,
  publisher: EventPublisher,
  pending: readonly PendingEvent[],
  logger: Logger,
): Promise<PublishOutcome> {
  const results = await Promise.allSettled(pending.map(({ event, topic }) => publisher.publish(topic, event)));
  const published = pending.filter((_, index) => results[index]!.status === 'fulfilled');
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      const { event, topic } = pending[index]!;
      logger.warn({ eventId: event.id, eventType: event.type, topic, err: result.reason }, 'event publish failed; the outbox sweeper will retry');
    }
  });
  if (published.length > 0) {
    const batch = db.batch();
    const publishedAt = new Date();
    for (const { event } of published) {
      batch.update(db.collection(outboxCollection).doc(event.id), { publishedAt, leaseUntil: null });
    }
    try {
      await batch.commit();
    } catch (err) {
      logger.warn({ eventIds: published.map(({ event }) => event.id), err }, 'marking events published failed; they will be published again');
    }
  }
  return { published: published.length, failed: pending.length - published.length };
}
