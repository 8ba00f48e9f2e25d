import { describe, expect, it } from 'vitest';
import { deliveryLedger } from './delivery-ledger.ts';
import { processedRecordRetentionMs } from './processed-record-expiry.ts';
import { useEmulators } from './test-support.ts';

const { db } = useEmulators('delivery-ledger');
const ledger = (expiredClaims: 'retry' | 'in-doubt') => deliveryLedger({ firestore: async () => db, collection: `deliveries-${expiredClaims}`, leaseMs: 60_000, expiredClaims });
const later = (ms: number) => new Date(Date.now() + ms);

describe('deliveryLedger', () => {
  it('lets one attempt claim an event; the others hear it is in flight, then delivered', async () => {
    const deliveries = ledger('retry');
    const claims = await Promise.all([1, 2, 3].map(() => deliveries.claim('evt-1', 'test')));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toEqual([{ kind: 'claimed', attempt: 1 }]);
    expect(claims.filter((claim) => claim.kind === 'in-flight')).toHaveLength(2);
    await deliveries.markDelivered('evt-1', { messageId: 7 });
    expect(await deliveries.claim('evt-1', 'test')).toEqual({ kind: 'already-delivered' });
    const record = (await db.collection('deliveries-retry').doc('evt-1').get()).data();
    expect(record).toMatchObject({ status: 'delivered', messageId: 7, attempts: 1 });
    // For the collection's TTL policy: kept as long as a consumer's processed record.
    expect(record?.expireAt.toMillis() - record?.createdAt.toMillis()).toBe(processedRecordRetentionMs);
  });

  it('releases a failed attempt to the next, and remembers a rejection', async () => {
    const deliveries = ledger('retry');
    await deliveries.claim('evt-2', 'test');
    await deliveries.markFailed('evt-2', '429');
    expect(await deliveries.claim('evt-2', 'test')).toEqual({ kind: 'claimed', attempt: 2 });
    await deliveries.markRejected('evt-2', 'chat not found');
    expect(await deliveries.claim('evt-2', 'test')).toEqual({ kind: 'already-rejected', reason: 'chat not found' });
  });

  it('after a lease runs out: retry claims again, in-doubt never sends again', async () => {
    const retrying = ledger('retry');
    await retrying.claim('evt-3', 'test');
    expect(await retrying.claim('evt-3', 'test', later(61_000))).toEqual({ kind: 'claimed', attempt: 2 });

    const atMostOnce = ledger('in-doubt');
    await atMostOnce.claim('evt-3', 'test');
    expect(await atMostOnce.claim('evt-3', 'test', later(61_000))).toEqual({ kind: 'in-doubt' });
    expect(await atMostOnce.claim('evt-3', 'test', later(120_000))).toEqual({ kind: 'in-doubt' });
    await atMostOnce.claim('evt-4', 'test');
    await atMostOnce.markInDoubt('evt-4', 'socket hang up');
    expect(await atMostOnce.claim('evt-4', 'test')).toEqual({ kind: 'in-doubt' });
  });
});
