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

  /** Keyed by the caller's id (an event id), so writing the same item twice changes nothing. */
  async putIn(tx: Transaction, uid: string, id: string, item: StoredInboxItem): Promise<void> {
    tx.set((await inboxItems(uid)).doc(id), item);
  },
};
