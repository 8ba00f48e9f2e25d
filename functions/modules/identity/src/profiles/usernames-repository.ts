import { firestore } from '@plaza/runtime';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';

/**
 * `usernames/{username}`: who holds each username, owned by identity. The document id is the
 * name, so a claim is a create of one document in the transaction that updates the profile:
 * two concurrent claims cannot both commit (Firestore's transaction contention, and `create`
 * failing on an existing document, each guard it).
 */
export const usernamesCollection = 'usernames';

const usernameClaimSchema = z.object({ uid: z.string().min(1), claimedAt: z.iso.datetime() });

async function claimRef(username: string): Promise<DocumentReference> {
  return (await firestore()).collection(usernamesCollection).doc(username);
}

export const usernamesRepository = {
  /** The uid holding the name, if any. */
  async holderOf(username: string): Promise<string | undefined> {
    const snapshot = await (await claimRef(username)).get();
    return snapshot.exists ? usernameClaimSchema.parse(snapshot.data()).uid : undefined;
  },

  async holderIn(tx: Transaction, username: string): Promise<string | undefined> {
    const snapshot = await tx.get(await claimRef(username));
    return snapshot.exists ? usernameClaimSchema.parse(snapshot.data()).uid : undefined;
  },

  async claimIn(tx: Transaction, username: string, uid: string, now: Date): Promise<void> {
    tx.create(await claimRef(username), { uid, claimedAt: now.toISOString() });
  },

  /** Frees a name: on a change of username, and when the account is deleted. */
  async releaseIn(tx: Transaction, username: string): Promise<void> {
    tx.delete(await claimRef(username));
  },
};
