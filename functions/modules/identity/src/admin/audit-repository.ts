import { AuditEntry, type AuditAction } from '@plaza/contracts';
import { firestore } from '@plaza/runtime';
import type { CollectionReference, Transaction } from 'firebase-admin/firestore';
import type { AuditCursor } from './audit-cursor.ts';

/** `auditLog/{id}`: owned by identity's admin; every admin action, never edited after it is written. */
async function auditLog(): Promise<CollectionReference> {
  return (await firestore()).collection('auditLog');
}

const storedAuditEntrySchema = AuditEntry.omit({ id: true });
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditFilter {
  actorUid?: string | undefined;
  targetUid?: string | undefined;
  action?: AuditAction | undefined;
}

export const auditRepository = {
  /** In the transaction of the change it records, so there is never a change without its entry. */
  async addIn(tx: Transaction, entry: NewAuditEntry): Promise<string> {
    const ref = (await auditLog()).doc();
    tx.create(ref, entry);
    return ref.id;
  },

  /**
   * Newest first; the id breaks ties within a millisecond. Each filter is an equality on one
   * field, which in production needs a composite index with `at` (see the identity README).
   */
  async list(filter: AuditFilter, { limit, after }: { limit: number; after: AuditCursor | undefined }): Promise<{ items: AuditEntry[]; last: AuditCursor | undefined }> {
    let query = (await auditLog()).orderBy('at', 'desc').orderBy('__name__', 'desc');
    if (filter.actorUid) query = query.where('actorUid', '==', filter.actorUid);
    if (filter.targetUid) query = query.where('targetUid', '==', filter.targetUid);
    if (filter.action) query = query.where('action', '==', filter.action);
    query = query.limit(limit);
    if (after) query = query.startAfter(after.at, after.id);
    const snapshot = await query.get();
    const items = snapshot.docs.map((doc) => ({ id: doc.id, ...storedAuditEntrySchema.parse(doc.data()) }));
    const lastItem = items.at(-1);
    return { items, last: items.length === limit && lastItem ? { at: lastItem.at, id: lastItem.id } : undefined };
  },
};
