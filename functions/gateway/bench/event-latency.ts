import { userRegistered } from '@plaza/contracts';
import { firestore, outboxCollection, runUseCase } from '@plaza/runtime';
import type { Timestamp } from 'firebase-admin/firestore';
import { percentile } from '@plaza/emulators/bench/stats';

export interface EventLatency {
  p50Ms: number;
  p99Ms: number;
  count: number;
}

/**
 * Outbox commit to consumer effect committed, one event at a time through the running local
 * stack (publish, Pub/Sub push with OIDC, the consumer's transaction). Both ends are Firestore
 * commit times (the outbox entry's and the welcome item's createTime), read from the one
 * emulator clock, so polling adds no error.
 */
export async function measureEventLatency(count: number): Promise<EventLatency> {
  const db = await firestore();
  const latencies: number[] = [];
  for (let index = 0; index < count; index++) {
    const uid = `bench-${Date.now().toString(36)}-${index}`;
    const event = await runUseCase(async ({ emit }) => emit(userRegistered, { uid, email: null, displayName: `Bench ${index}` }));
    const item = db.collection('inboxes').doc(uid).collection('items').doc(event.id);
    const deadline = Date.now() + 10_000;
    let handled = await item.get();
    while (!handled.exists) {
      if (Date.now() > deadline) throw new Error(`event ${event.id} was not handled within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      handled = await item.get();
    }
    const committed = await db.collection(outboxCollection).doc(event.id).get();
    latencies.push(millisecondsBetween(committed.createTime!, handled.createTime!));
  }
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), count };
}

// Timestamp.toMillis() would round both ends to the millisecond; these latencies are a few ms.
function millisecondsBetween(from: Timestamp, to: Timestamp): number {
  return (to.seconds - from.seconds) * 1000 + (to.nanoseconds - from.nanoseconds) / 1e6;
}
