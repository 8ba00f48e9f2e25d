import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import type { Logger } from '../logging/logger.ts';
import { isClaimable, outboxCollection, outboxEntrySchema } from './outbox-entry.ts';
import { resolveOutboxDependencies, type OutboxDependencies } from './outbox-dependencies.ts';
import { publishOutboxEntries, type PendingEvent, type PublishOutcome } from './publish-outbox-entries.ts';

export interface SweepOutboxOptions extends OutboxDependencies {
  /** Entries younger than this are left to the publish that follows their commit. */
  readonly olderThanMs?: number;
  /** At most this many entries a sweep, so one run stays short even after an outage. */
  readonly batchSize?: number;
  /** How long a claimed entry is left alone by other sweepers; also the wait before retrying a failed publish. */
  readonly leaseMs?: number;
}

/**
 * Republishes outbox entries left unpublished, e.g. by a process that died between commit and
 * publish. Each entry is claimed with a short lease in a transaction first, so overlapping sweeps
 * (Cloud Scheduler retries, several instances) don't all publish it. The lease is an economy,
 * not the guarantee: a sweeper that stalls past its lease lets another publish the same entry,
 * and consumers dedupe by event id, which is what makes delivery effectively once.
 */
export async function sweepOutbox(options: SweepOutboxOptions = {}): Promise<PublishOutcome> {
  const { olderThanMs = 5_000, batchSize = 100, leaseMs = 30_000 } = options;
  const { firestore, publisher, logger } = resolveOutboxDependencies(options);
  const db = await firestore();
  const stale = await db
    .collection(outboxCollection)
    .where('publishedAt', '==', null)
    .where('createdAt', '<', new Date(Date.now() - olderThanMs))
    .orderBy('createdAt')
    .limit(batchSize)
    .get();
  const claimed: PendingEvent[] = [];
  for (const snapshot of stale.docs) {
    const entry = await claimEntry(db, snapshot.ref, leaseMs, logger);
    if (entry) claimed.push(entry);
  }
  return publishOutboxEntries(db, publisher, claimed, logger);
}

async function claimEntry(db: Firestore, ref: DocumentReference, leaseMs: number, logger: Logger): Promise<PendingEvent | undefined> {
  return db.runTransaction(async (tx) => {
    const parsed = outboxEntrySchema.safeParse((await tx.get(ref)).data());
    if (!parsed.success) {
      // Left in place for an operator: deleting it would lose the event, retrying would not fix it.
      logger.error({ outboxEntry: ref.id, issues: parsed.error.issues }, 'unreadable outbox entry skipped');
      return undefined;
    }
    const now = Date.now();
    if (!isClaimable(parsed.data, now)) return undefined;
    tx.update(ref, { leaseUntil: new Date(now + leaseMs) });
    return { event: parsed.data.event, topic: parsed.data.topic };
  });
}
