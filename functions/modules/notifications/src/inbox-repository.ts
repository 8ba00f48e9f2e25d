import { firestore } from '@plaza/runtime';
import type { CollectionReference, Transaction } from 'firebase-admin/firestore';
import type { InboxCursor } from './inbox-cursor.ts';
import { storedInboxItemSchema, toNotificationItem, type StoredInboxItem } from './inbox-item.ts';
import type { NotificationItem } from '@plaza/contracts';

/** `inboxes/{uid}/items`: owned by notifications; no other module reads or writes it. */
async function inboxItems(uid: string): Promise<CollectionReference> {
  return (await firestore()).collection('inboxes').doc(uid).collection('items');
}

export interface InboxPage {
  items: NotificationItem[];
  /** Set when there may be more items after this page. */
  last: InboxCursor | undefined;
}

export const inboxRepository = {
  /** Newest first; the id breaks ties between items created in the same millisecond. */
  async list(uid: string, { limit, after }: { limit: number; after: InboxCursor | undefined }): Promise<InboxPage> {
    let query = (await inboxItems(uid)).orderBy('createdAt', 'desc').orderBy('__name__', 'desc').limit(limit);
    if (after) query = query.startAfter(after.createdAt, after.id);
    const snapshot = await query.get();
    const items = snapshot.docs.map((doc) => toNotificationItem(doc.id, storedInboxItemSchema.parse(doc.data())));
    const lastItem = items.at(-1);
    return { items, last: items.length === limit && lastItem ? { createdAt: lastItem.createdAt, id: lastItem.id } : undefined };
  },

  /**
   * Deletes every item of the inbox, a page at a time, outside any transaction: a transaction
   * holds at most 500 writes, an inbox can hold more. Deleting what is already gone is a no-op,
   * so a purge cut short is finished by running it again. Returns how many items it deleted.
   */
  async purge(uid: string, { pageSize = 400, maxPages = 10_000 }: { pageSize?: number; maxPages?: number } = {}): Promise<number> {
    const db = await firestore();
    const items = await inboxItems(uid);
    let deleted = 0;
    for (let page = 0; page < maxPages; page += 1) {
      const snapshot = await items.limit(pageSize).select().get();
      if (snapshot.empty) return deleted;
      const batch = db.batch();
      for (const doc of snapshot.docs) batch.delete(doc.ref);
      await batch.commit();
      deleted += snapshot.size;
    }
    throw new Error(`Inbox of ${uid} still has items after ${maxPages} pages; the redelivery continues the purge`);
  },

  /** Keyed by the caller's id (an event id), so writing the same item twice changes nothing. */
  async putIn(tx: Transaction, uid: string, id: string, item: StoredInboxItem): Promise<void> {
    tx.set((await inboxItems(uid)).doc(id), item);
  },
};
