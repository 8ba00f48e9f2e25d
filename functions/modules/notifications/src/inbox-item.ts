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
