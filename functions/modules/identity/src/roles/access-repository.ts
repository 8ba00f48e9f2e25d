import type { AccessState } from '@plaza/contracts';
import { firestore } from '@plaza/runtime';
import type { CollectionReference, Transaction } from 'firebase-admin/firestore';
import { accessRecordSchema, type AccessRecord } from './access-record.ts';

/**
 * `access/{uid}`: owned by identity's roles; the source of truth for roles and for the disabled
 * and deleted flags. Custom claims and Firebase Auth's `disabled` are caches applied from it.
 */
async function accessCollection(): Promise<CollectionReference> {
  return (await firestore()).collection('access');
}

export const accessRepository = {
  async find(uid: string): Promise<AccessRecord | undefined> {
    const snapshot = await (await accessCollection()).doc(uid).get();
    return snapshot.exists ? accessRecordSchema.parse(snapshot.data()) : undefined;
  },

  async findIn(tx: Transaction, uid: string): Promise<AccessRecord | undefined> {
    const snapshot = await tx.get((await accessCollection()).doc(uid));
    return snapshot.exists ? accessRecordSchema.parse(snapshot.data()) : undefined;
  },

  /**
   * Several records in one read of the transaction. One read takes the documents' locks in a
   * fixed order, so two transactions over the same two accounts (two admins acting on each
   * other) queue behind each other instead of deadlocking and retrying.
   */
  async findAllIn(tx: Transaction, uids: readonly string[]): Promise<(AccessRecord | undefined)[]> {
    const collection = await accessCollection();
    const snapshots = await tx.getAll(...uids.map((uid) => collection.doc(uid)));
    return snapshots.map((snapshot) => (snapshot.exists ? accessRecordSchema.parse(snapshot.data()) : undefined));
  },

  async findMany(uids: readonly string[]): Promise<Map<string, AccessRecord>> {
    if (uids.length === 0) return new Map();
    const collection = await accessCollection();
    const snapshots = await (await firestore()).getAll(...uids.map((uid) => collection.doc(uid)));
    return new Map(snapshots.filter((s) => s.exists).map((s) => [s.id, accessRecordSchema.parse(s.data())]));
  },

  /**
   * Every recorded admin, read in the transaction: Firestore then aborts and reruns one of two
   * transactions that both read the same admins and change them, which is what keeps two
   * admins demoting each other at once from leaving none.
   */
  async adminsIn(tx: Transaction): Promise<AccessRecord[]> {
    const snapshot = await tx.get((await accessCollection()).where('roles', 'array-contains', 'admin'));
    return snapshot.docs.map((doc) => accessRecordSchema.parse(doc.data()));
  },

  async setIn(tx: Transaction, uid: string, state: AccessState, updatedBy: string, at: Date): Promise<void> {
    const record: AccessRecord = { uid, ...state, updatedAt: at.toISOString(), updatedBy };
    tx.set((await accessCollection()).doc(uid), record);
  },

  async deleteIn(tx: Transaction, uid: string): Promise<void> {
    tx.delete((await accessCollection()).doc(uid));
  },

  /**
   * A page of accounts holding `role` and/or with the given disabled flag, in uid (document id)
   * order: equality filters ordered by document id are served by merging Firestore's
   * single-field indexes, so this needs no composite index.
   */
  async list(filter: { role?: string; disabled?: boolean }, { limit, afterUid }: { limit: number; afterUid?: string }): Promise<AccessRecord[]> {
    let query = (await accessCollection()).where('deleted', '==', false);
    if (filter.role) query = query.where('roles', 'array-contains', filter.role);
    if (filter.disabled !== undefined) query = query.where('disabled', '==', filter.disabled);
    query = query.orderBy('__name__').limit(limit);
    if (afterUid) query = query.startAfter(afterUid);
    const snapshot = await query.get();
    return snapshot.docs.map((doc) => accessRecordSchema.parse(doc.data()));
  },
};
