import { firestore } from '@plaza/runtime';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { profileSchema, type Profile } from './profile.ts';
import { usernamesRepository } from './usernames-repository.ts';

/**
 * `users/{uid}`: owned by identity; no other module reads or writes it. Writes merge, so fields
 * other identity code keeps beside the profile survive.
 */
export const profilesCollection = 'users';

async function profileRef(uid: string): Promise<DocumentReference> {
  return (await firestore()).collection(profilesCollection).doc(uid);
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
    tx.create(await profileRef(profile.uid), profile);
  },

  /** The whole profile; the caller read it in `tx` first. The username claim is the caller's. */
  async saveIn(tx: Transaction, profile: Profile): Promise<void> {
    tx.set(await profileRef(profile.uid), profile, { merge: true });
  },

  /**
   * The hook for deactivation and reactivation: a disabled profile is hidden from
   * `GET /v1/users/{username}` and from search (its claim's search keys are dropped), and comes
   * back when enabled; it keeps its username. Read the profile with `findIn(tx, uid)` first
   * (reads before writes).
   */
  async setDisabledIn(tx: Transaction, profile: Profile, disabled: boolean): Promise<void> {
    const updated = { ...profile, disabled };
    await this.saveIn(tx, updated);
    if (updated.username !== null) await usernamesRepository.reindexIn(tx, { ...updated, username: updated.username });
  },
};
