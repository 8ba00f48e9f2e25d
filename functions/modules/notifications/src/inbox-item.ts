import type { NotificationItem } from '@plaza/contracts';
import { z } from 'zod';

/** An item as stored in `inboxes/{uid}/items/{id}`; read back through this schema. */
export const storedInboxItemSchema = z.object({
  kind: z.string().min(1),
  title: z.string(),
  body: z.string(),
  // ISO 8601 in UTC from toISOString(), so string order is time order and the list can sort on it.
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

export type StoredInboxItem = z.infer<typeof storedInboxItemSchema>;

export function toNotificationItem(id: string, stored: StoredInboxItem): NotificationItem {
  return { id, ...stored };
}

/**
 * The item marked read (readAt now) or unread. An item read before keeps its readAt: it says
 * when the person first read it. The same item comes back when nothing changes.
 */
export function withReadState(item: StoredInboxItem, read: boolean, now: Date): StoredInboxItem {
  if (read === (item.readAt !== null)) return item;
  return { ...item, readAt: read ? now.toISOString() : null };
}
