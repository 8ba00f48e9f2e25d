import { firestore } from '@plaza/runtime';
import type { CollectionReference, DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import type { NotificationItem } from '@plaza/contracts';
import { storedInboxCounterSchema } from './inbox-counter.ts';
import { storedInboxItemSchema, toNotificationItem } from './inbox-item.ts';

export interface InboxDocuments {
  /** `inboxes/{uid}`: the inbox's unread counter. */
  counter: DocumentReference;
  /** `inboxes/{uid}/items`. */
  items: CollectionReference;
}

/** The documents of one inbox: owned by notifications; no other module reads or writes them. */
export async function inboxDocuments(uid: string): Promise<InboxDocuments> {
  const counter = (await firestore()).collection('inboxes').doc(uid);
  return { counter, items: counter.collection('items') };
}

/** The counter read back; an inbox without one has nothing unread. */
export function unreadOf(snapshot: DocumentSnapshot): number {
  return snapshot.exists ? storedInboxCounterSchema.parse(snapshot.data()).unread : 0;
}

export function notificationItemOf(snapshot: DocumentSnapshot): NotificationItem {
  return toNotificationItem(snapshot.id, storedInboxItemSchema.parse(snapshot.data()));
}
