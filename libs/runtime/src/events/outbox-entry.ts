import { cloudEventSchema, type CloudEvent } from '@plaza/contracts';
import { z } from 'zod';

/** Outbox entries live beside the domain data so they commit in the same transaction. */
export const outboxCollection = '_outbox';

const timestamp = z.custom<{ toMillis(): number }>(
  (value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === 'function',
  'expected a Firestore timestamp',
);

/** An outbox document as read back from Firestore. */
export const outboxEntrySchema = z.object({
  event: cloudEventSchema,
  topic: z.string().min(1),
  createdAt: timestamp,
  publishedAt: timestamp.nullable(),
  /** Until when a sweeper owns the entry; others skip it. */
  leaseUntil: timestamp.nullable(),
});

export type StoredOutboxEntry = z.infer<typeof outboxEntrySchema>;

/** An outbox document as written; Dates become Firestore timestamps. */
export interface NewOutboxEntry {
  readonly event: CloudEvent;
  readonly topic: string;
  readonly createdAt: Date;
  readonly publishedAt: null;
  readonly leaseUntil: null;
}

export function newOutboxEntry(event: CloudEvent, topic: string, now: Date): NewOutboxEntry {
  return { event, topic, createdAt: now, publishedAt: null, leaseUntil: null };
}

/** Whether a sweeper may take the entry now: still unpublished and nobody holds a live lease. */
export function isClaimable(entry: StoredOutboxEntry, nowMs: number): boolean {
  return entry.publishedAt === null && (entry.leaseUntil === null || entry.leaseUntil.toMillis() <= nowMs);
}
