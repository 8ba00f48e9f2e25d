import { deliveryLedger, type DeliveryLedger } from '@plaza/runtime';
import type { Firestore } from 'firebase-admin/firestore';

/** `mailer-deliveries/{eventId}`: one record per event that asked for a mail (TTL'd on `expireAt`). */
export const mailDeliveriesCollection = 'mailer-deliveries';

/**
 * How long a claim keeps other deliveries of the same event away. Longer than the slowest send
 * the transport allows (its timeouts add up to under a minute), so a live attempt is never
 * doubled, and short enough that a crashed attempt is retried soon.
 */
export const deliveryLeaseMs = 2 * 60_000;

/**
 * The mailer's idempotency record: the runtime's delivery ledger, at least once (ADR 12). A claim
 * whose lease ran out is retried, since a verification or reset link that never arrives blocks a
 * person, while a rare duplicate carries the same Message-ID. No address is stored.
 */
export function mailDeliveryLedger(firestore: () => Promise<Firestore>): DeliveryLedger {
  return deliveryLedger({ firestore, collection: mailDeliveriesCollection, leaseMs: deliveryLeaseMs, expiredClaims: 'retry' });
}
