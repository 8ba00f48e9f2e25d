import { z } from 'zod';
import type { StoredInboxItem } from './inbox-item.ts';

/**
 * `inboxes/{uid}` as stored: how many of the inbox's items are unread. Every change to an item
 * changes it in the same transaction, so reading it is one document, not a count of the inbox.
 */
export const storedInboxCounterSchema = z.object({ unread: z.number().int().min(0) });

const isUnread = (item: StoredInboxItem | undefined) => item !== undefined && item.readAt === null;

/** The count after an item goes from `before` to `after` (undefined: no item); never below 0. */
export function unreadAfter(unread: number, before: StoredInboxItem | undefined, after: StoredInboxItem | undefined): number {
  return Math.max(0, unread + Number(isUnread(after)) - Number(isUnread(before)));
}
