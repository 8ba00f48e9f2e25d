import { firestore } from '@plaza/runtime';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { Profile } from './profile.ts';
import { searchPrefixesFor } from './search-keys.ts';

/**
 * `usernames/{username}`: who holds each username, owned by identity. The document id is the
 * name, so a claim is a create of one document in the transaction that updates the profile:
 * two concurrent claims cannot both commit (Firestore's transaction contention, and `create`
 * failing on an existing document, each guard it).
 *
 * The claim also carries the holder's `searchPrefixes` (search-keys.ts): user search is one
 * `array-contains` query on this collection, ordered by document id, which is the username.
 * That order needs no composite index, and a released name leaves the search with its claim.
 */
export const usernamesCollection = 'usernames';

export const usernameClaimSchema = z.object({
  uid: z.string().min(1),
  claimedAt: z.iso.datetime(),
  searchPrefixes: z.array(z.string()).default([]),
});

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

  /** A new claim for `profile.username`, already indexed for search. */
  async claimIn(tx: Transaction, profile: Profile & { username: string }, now: Date): Promise<void> {
    tx.create(await claimRef(profile.username), { uid: profile.uid, claimedAt: now.toISOString(), searchPrefixes: searchPrefixesFor(profile) });
  },

  /** Re-indexes the claim of a profile whose display name or state changed. */
  async reindexIn(tx: Transaction, profile: Profile & { username: string }): Promise<void> {
    tx.set(await claimRef(profile.username), { searchPrefixes: searchPrefixesFor(profile) }, { merge: true });
  },

  /** Frees a name, and takes it out of search: on a change of username, and when the account is deleted. */
  async releaseIn(tx: Transaction, username: string): Promise<void> {
    tx.delete(await claimRef(username));
  },
};
