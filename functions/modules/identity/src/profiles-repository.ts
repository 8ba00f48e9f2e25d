import { firestore } from '@plaza/runtime';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { profileSchema, type Profile } from './profile.ts';
import { searchPrefixesFor } from './profiles/search-keys.ts';

/**
 * `users/{uid}`: owned by identity; no other module reads or writes it. The stored document is
 * the profile plus `searchPrefixes`, derived from it on every write (profiles/search-keys.ts).
 * Writes merge, so fields other identity code keeps beside the profile survive.
 */
export const profilesCollection = 'users';

async function profileRef(uid: string): Promise<DocumentReference> {
  return (await firestore()).collection(profilesCollection).doc(uid);
}

function storedProfile(profile: Profile): Profile & { searchPrefixes: string[] } {
  return { ...profile, searchPrefixes: searchPrefixesFor(profile) };
}

export const profilesRepository = {
  async find(uid: string): Promise<Profile | undefined> {
    const snapshot = await (await profileRef(uid)).get();
    return snapshot.exists ? profileSchema.parse(snapshot.data()) : undefined;
  },

  async findIn(tx: Transaction, uid: string): Promise<Profile | undefined> {
    const snapshot = await tx.get(await profileRef(uid));
    return snapshot.exists ? profileSchema.parse(snapshot.data()) : undefined;
  },

  async createIn(tx: Transaction, profile: Profile): Promise<void> {
    tx.create(await profileRef(profile.uid), storedProfile(profile));
  },

  /** The whole profile, rewritten with its search keys; the caller read it in `tx` first. */
  async saveIn(tx: Transaction, profile: Profile): Promise<void> {
    tx.set(await profileRef(profile.uid), storedProfile(profile), { merge: true });
  },

  /**
   * The hook for deactivation and reactivation: a disabled profile is hidden from
   * `GET /v1/users/{username}` and from search (its search keys are dropped), and gets them back
   * when enabled. Read the profile with `findIn(tx, uid)` first (reads before writes).
   */
  async setDisabledIn(tx: Transaction, profile: Profile, disabled: boolean): Promise<void> {
    await this.saveIn(tx, { ...profile, disabled });
  },
};
