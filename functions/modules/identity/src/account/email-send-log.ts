import { createHash } from 'node:crypto';
import { firestore, ProblemError } from '@plaza/runtime';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';
import { decideEmailSend, emailSendLimit } from './email-send-window.ts';

/**
 * `emailSendLog/{sha256(address)}`: when account mail was last sent to an address, so the
 * per-address limit holds across instances. Owned by identity. The id is a hash so the
 * collection holds no addresses; `expireAt` lets a Firestore TTL policy delete stale records.
 */
export const emailSendLogCollection = 'emailSendLog';

const recordSchema = z.object({ sentAt: z.array(z.number()) });

async function recordRef(email: string): Promise<DocumentReference> {
  const id = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return (await firestore()).collection(emailSendLogCollection).doc(id);
}

function sentAtOf(data: unknown): number[] {
  const parsed = recordSchema.safeParse(data);
  // A record we cannot read is treated as empty rather than blocking mail forever.
  return parsed.success ? parsed.data.sentAt : [];
}

function rateLimited(retryAfterSeconds: number): ProblemError {
  return new ProblemError(429, 'rate_limited', `Too many emails to this address; try again in ${retryAfterSeconds} s.`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

export const emailSendLog = {
  /**
   * A 429 if the address has had its share this minute. A plain read, before any work, so a
   * flood costs no action codes; the transaction in `admitIn` has the last word.
   */
  async assertAllowed(email: string, now = Date.now()): Promise<void> {
    const snapshot = await (await recordRef(email)).get();
    const decision = decideEmailSend(sentAtOf(snapshot.data()), now);
    if (!decision.admitted) throw rateLimited(decision.retryAfterSeconds);
  },

  /** Counts one send in the use case's transaction, or throws the 429 (which rolls it back). */
  async admitIn(tx: Transaction, email: string, now = Date.now()): Promise<void> {
    const ref = await recordRef(email);
    const decision = decideEmailSend(sentAtOf((await tx.get(ref)).data()), now);
    if (!decision.admitted) throw rateLimited(decision.retryAfterSeconds);
    tx.set(ref, { sentAt: decision.sentAt, expireAt: new Date(now + emailSendLimit.windowMs) });
  },
};
