import { firestore } from '@plaza/runtime';
import type { Transaction } from 'firebase-admin/firestore';
import type { NotificationItem } from '@plaza/contracts';
import type { InboxCursor } from './inbox-cursor.ts';
import { unreadAfter } from './inbox-counter.ts';
import { inboxDocuments, notificationItemOf, unreadOf } from './inbox-documents.ts';
import { storedInboxItemSchema, toNotificationItem, withReadState, type StoredInboxItem } from './inbox-item.ts';

export interface InboxPage {
  items: NotificationItem[];
  /** Set when there may be more items after this page. */
  last: InboxCursor | undefined;
}

/** Pages of changes outside one transaction: a transaction holds at most 500 writes, an inbox can hold more. */
export interface PageBounds {
  pageSize?: number;
  maxPages?: number;
}

/**
 * Moves one item from what it is to what `next` makes of it (undefined: no item), and the unread
 * counter with it, in the caller's transaction: both reads first, then the writes, as Firestore
 * transactions require. Nothing is written for a change that changes nothing.
 */
async function changeItemIn(
  tx: Transaction,
  uid: string,
  id: string,
  next: (current: StoredInboxItem | undefined) => StoredInboxItem | undefined,
): Promise<{ before: StoredInboxItem | undefined; after: StoredInboxItem | undefined }> {
  const { counter, items } = await inboxDocuments(uid);
  const ref = items.doc(id);
  const [itemSnapshot, counterSnapshot] = await Promise.all([tx.get(ref), tx.get(counter)]);
  const before = itemSnapshot.exists ? storedInboxItemSchema.parse(itemSnapshot.data()) : undefined;
  const after = next(before);
  if (after === before) return { before, after };
  if (after) tx.set(ref, after);
  else tx.delete(ref);
  const unread = unreadOf(counterSnapshot);
  const unreadNow = unreadAfter(unread, before, after);
  if (unreadNow !== unread) tx.set(counter, { unread: unreadNow });
  return { before, after };
}

async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return (await firestore()).runTransaction(work);
}

export const inboxRepository = {
  /** Newest first; the id breaks ties between items created in the same millisecond. */
  async list(uid: string, { limit, after }: { limit: number; after: InboxCursor | undefined }): Promise<InboxPage> {
    let query = (await inboxDocuments(uid)).items.orderBy('createdAt', 'desc').orderBy('__name__', 'desc').limit(limit);
    if (after) query = query.startAfter(after.createdAt, after.id);
    const items = (await query.get()).docs.map(notificationItemOf);
    const lastItem = items.at(-1);
    return { items, last: items.length === limit && lastItem ? { createdAt: lastItem.createdAt, id: lastItem.id } : undefined };
  },

  async unreadCount(uid: string): Promise<number> {
    return unreadOf(await (await inboxDocuments(uid)).counter.get());
  },

  /**
   * Keyed by the caller's id (an event id) and read first: writing the same item again, as a
   * redelivered event would, changes neither the item nor the count. True when it was new.
   */
  async putIn(tx: Transaction, uid: string, id: string, item: StoredInboxItem): Promise<boolean> {
    const { before } = await changeItemIn(tx, uid, id, (current) => current ?? item);
    return before === undefined;
  },

  /** Marks an item read or unread; undefined when there is no such item. */
  async setRead(uid: string, id: string, read: boolean, now = new Date()): Promise<NotificationItem | undefined> {
    const { after } = await inTransaction((tx) => changeItemIn(tx, uid, id, (current) => current && withReadState(current, read, now)));
    return after && toNotificationItem(id, after);
  },

  /** Deleting an item that is gone is fine. */
  async remove(uid: string, id: string): Promise<void> {
    await inTransaction((tx) => changeItemIn(tx, uid, id, () => undefined));
  },

  /**
   * Marks every unread item read, a page at a time, each page in one transaction with the counter
   * (down by the page; 0 after the last page, which leaves nothing unread). A run cut short leaves
   * a true count, and running it again finishes. Returns the count after: 0.
   */
  async markAllRead(uid: string, now = new Date(), { pageSize = 400, maxPages = 10_000 }: PageBounds = {}): Promise<number> {
    const { counter, items } = await inboxDocuments(uid);
    const unreadItems = items.where('readAt', '==', null).limit(pageSize);
    const readAt = now.toISOString();
    for (let page = 0; page < maxPages; page += 1) {
      const { marked, unread } = await inTransaction(async (tx) => {
        const [pageSnapshot, counterSnapshot] = await Promise.all([tx.get(unreadItems), tx.get(counter)]);
        for (const doc of pageSnapshot.docs) tx.update(doc.ref, { readAt });
        const before = unreadOf(counterSnapshot);
        const after = pageSnapshot.size < pageSize ? 0 : Math.max(0, before - pageSnapshot.size);
        if (after !== before) tx.set(counter, { unread: after });
        return { marked: pageSnapshot.size, unread: after };
      });
      if (marked < pageSize) return unread;
    }
    throw new Error(`Inbox of ${uid} still has unread items after ${maxPages} pages; marking all read again continues`);
  },

  /**
   * Deletes every item of the inbox, a page at a time, outside any transaction, then its counter.
   * Deleting what is already gone is a no-op, so a purge cut short is finished by running it
   * again. Returns how many items it deleted.
   */
  async purge(uid: string, { pageSize = 400, maxPages = 10_000 }: PageBounds = {}): Promise<number> {
    const db = await firestore();
    const { counter, items } = await inboxDocuments(uid);
    let deleted = 0;
    for (let page = 0; page < maxPages; page += 1) {
      const snapshot = await items.limit(pageSize).select().get();
      if (snapshot.empty) {
        await counter.delete();
        return deleted;
      }
      const batch = db.batch();
      for (const doc of snapshot.docs) batch.delete(doc.ref);
      await batch.commit();
      deleted += snapshot.size;
    }
    throw new Error(`Inbox of ${uid} still has items after ${maxPages} pages; the redelivery continues the purge`);
  },
};
