import { firestore } from '@plaza/runtime';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { profileSchema, type Profile } from './profile.ts';

/** `users/{uid}`: owned by identity; no other module reads or writes it. */
async function profileRef(uid: string): Promise<DocumentReference> {
  return (await firestore()).collection('users').doc(uid);
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

  async save(profile: Profile): Promise<void> {
    await (await profileRef(profile.uid)).set(profile);
  },

  async createIn(tx: Transaction, profile: Profile): Promise<void> {
    tx.create(await profileRef(profile.uid), profile);
  },
};
