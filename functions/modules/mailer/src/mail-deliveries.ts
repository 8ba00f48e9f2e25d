import { processedRecordExpiry } from '@plaza/runtime';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';

/** `mailer-deliveries/{eventId}`: one document per event that asked for a mail. */
export const mailDeliveriesCollection = 'mailer-deliveries';

/**
 * How long a claim keeps other deliveries of the same event away. Longer than the slowest send
 * the transport allows (its timeouts add up to under a minute), so a live attempt is never
 * doubled, and short enough that a crashed attempt is retried soon.
 */
export const deliveryLeaseMs = 2 * 60_000;

const storedDeliverySchema = z.object({
  status: z.enum(['sending', 'sent', 'failed', 'rejected']),
  consumer: z.string(),
  attempts: z.number().int().min(0),
  // A Firestore Timestamp read back; checked by shape, since the SDK is only ever loaded lazily.
  leaseUntil: z.custom<{ toMillis(): number }>((value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === 'function'),
  lastError: z.string().nullable().optional(),
});

export type DeliveryClaim =
  | { kind: 'claimed'; attempt: number }
  | { kind: 'already-sent' }
  | { kind: 'already-rejected'; reason: string }
  | { kind: 'in-flight' };

/**
 * The mailer's idempotency record. Mail is not a Firestore effect, so it cannot commit with the
 * runtime's `processed` marker: instead an attempt claims the event (a lease in a transaction),
 * sends, and marks it sent at once. No address is stored, so nothing here outlives a deleted account.
 */
export function mailDeliveries(db: () => Promise<Firestore>) {
  const doc = async (eventId: string) => (await db()).collection(mailDeliveriesCollection).doc(eventId);

  return {
    async claim(eventId: string, consumer: string, now = new Date()): Promise<DeliveryClaim> {
      const ref = await doc(eventId);
      return ref.firestore.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const current = snapshot.exists ? storedDeliverySchema.parse(snapshot.data()) : undefined;
        if (current?.status === 'sent') return { kind: 'already-sent' };
        if (current?.status === 'rejected') return { kind: 'already-rejected', reason: current.lastError ?? 'rejected' };
        if (current?.status === 'sending' && current.leaseUntil.toMillis() > now.getTime()) return { kind: 'in-flight' };
        const attempt = (current?.attempts ?? 0) + 1;
        tx.set(
          ref,
          {
            status: 'sending',
            consumer,
            attempts: attempt,
            leaseUntil: new Date(now.getTime() + deliveryLeaseMs),
            updatedAt: now,
            ...(current ? {} : { createdAt: now, expireAt: processedRecordExpiry(now) }),
          },
          { merge: true },
        );
        return { kind: 'claimed', attempt };
      });
    },

    async markSent(eventId: string, smtpResponse: string): Promise<void> {
      await (await doc(eventId)).update({ status: 'sent', sentAt: new Date(), updatedAt: new Date(), smtpResponse, lastError: null });
    },

    /** A transient failure: the lease is released so Pub/Sub's next attempt may send. */
    async markFailed(eventId: string, error: string): Promise<void> {
      await (await doc(eventId)).update({ status: 'failed', leaseUntil: new Date(), updatedAt: new Date(), lastError: error });
    },

    async markRejected(eventId: string, error: string): Promise<void> {
      await (await doc(eventId)).update({ status: 'rejected', updatedAt: new Date(), lastError: error });
    },
  };
}

export type MailDeliveries = ReturnType<typeof mailDeliveries>;
