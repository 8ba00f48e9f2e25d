import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { processedRecordExpiry } from './processed-record-expiry.ts';

/**
 * What to do with a claim whose lease ran out while still `sending` (the attempt crashed, or
 * overran its lease): `retry` sends again (at least once: a crash after the send doubles it),
 * `in-doubt` never does (at most once: a crash before the send loses it).
 */
export type ExpiredClaimPolicy = 'retry' | 'in-doubt';

export interface DeliveryLedgerOptions {
  readonly firestore: () => Promise<Firestore>;
  /** `<collection>/{eventId}`: one document per event that asked for an outside effect. */
  readonly collection: string;
  /** Longer than the slowest attempt can take, so a live attempt is never taken for a crashed one. */
  readonly leaseMs: number;
  readonly expiredClaims: ExpiredClaimPolicy;
}

export type DeliveryClaim =
  | { readonly kind: 'claimed'; readonly attempt: number }
  | { readonly kind: 'already-delivered' }
  | { readonly kind: 'already-rejected'; readonly reason: string }
  /** Another attempt holds the lease: answer 5xx and let Pub/Sub come back after it. */
  | { readonly kind: 'in-flight' }
  /** An earlier attempt claimed it and never said how it ended; with `in-doubt`, it is not repeated. */
  | { readonly kind: 'in-doubt' };

const storedSchema = z.object({
  status: z.enum(['sending', 'delivered', 'failed', 'rejected', 'in-doubt']),
  attempts: z.number().int().min(0),
  // A Firestore Timestamp read back; checked by shape, since the SDK is only ever loaded lazily.
  leaseUntil: z.custom<{ toMillis(): number }>((value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === 'function'),
  lastError: z.string().nullable().optional(),
});

/**
 * Idempotency for an effect outside Firestore (a mail, a Telegram message), which cannot commit
 * with a consumer's `processed` marker: an attempt claims the event (a lease, in a transaction),
 * performs the effect, and records how it ended at once. A redelivery (or a rerun of the
 * consumer's transaction) then finds the record. Kept as long as processed markers, then TTL'd
 * on `expireAt`.
 */
export function deliveryLedger(options: DeliveryLedgerOptions) {
  const doc = async (eventId: string) => (await options.firestore()).collection(options.collection).doc(eventId);
  const update = async (eventId: string, fields: Record<string, unknown>) => (await doc(eventId)).update({ ...fields, updatedAt: new Date() });

  return {
    async claim(eventId: string, consumer: string, now = new Date()): Promise<DeliveryClaim> {
      const ref = await doc(eventId);
      return ref.firestore.runTransaction(async (tx): Promise<DeliveryClaim> => {
        const snapshot = await tx.get(ref);
        const current = snapshot.exists ? storedSchema.parse(snapshot.data()) : undefined;
        if (current?.status === 'delivered') return { kind: 'already-delivered' };
        if (current?.status === 'rejected') return { kind: 'already-rejected', reason: current.lastError ?? 'rejected' };
        if (current?.status === 'in-doubt') return { kind: 'in-doubt' };
        if (current?.status === 'sending') {
          if (current.leaseUntil.toMillis() > now.getTime()) return { kind: 'in-flight' };
          if (options.expiredClaims === 'in-doubt') {
            tx.update(ref, { status: 'in-doubt', updatedAt: now, lastError: 'an attempt ended without recording its outcome' });
            return { kind: 'in-doubt' };
          }
        }
        const attempt = (current?.attempts ?? 0) + 1;
        tx.set(
          ref,
          {
            status: 'sending',
            consumer,
            attempts: attempt,
            leaseUntil: new Date(now.getTime() + options.leaseMs),
            updatedAt: now,
            ...(current ? {} : { createdAt: now, expireAt: processedRecordExpiry(now) }),
          },
          { merge: true },
        );
        return { kind: 'claimed', attempt };
      });
    },

    /** Done; `details` (e.g. the SMTP response, the Telegram message id) are kept for operators. */
    markDelivered: (eventId: string, details: Record<string, unknown> = {}) =>
      update(eventId, { ...details, status: 'delivered', deliveredAt: new Date(), lastError: null }),

    /** Known not to have happened (the other side said no, for now): the lease is released for the next attempt. */
    markFailed: (eventId: string, error: string) => update(eventId, { status: 'failed', leaseUntil: new Date(), lastError: error }),

    /** Will never happen: later attempts are told so. */
    markRejected: (eventId: string, error: string) => update(eventId, { status: 'rejected', lastError: error }),

    /** May or may not have happened (the request went out, no answer came back): with this record, never repeated. */
    markInDoubt: (eventId: string, error: string) => update(eventId, { status: 'in-doubt', lastError: error }),
  };
}

export type DeliveryLedger = ReturnType<typeof deliveryLedger>;
