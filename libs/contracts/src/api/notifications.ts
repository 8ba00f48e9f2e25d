import { z } from 'zod';

export const NotificationItem = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'NotificationItem' });

export type NotificationItem = z.infer<typeof NotificationItem>;

/** `GET /v1/notifications`: newest first; `nextCursor` is opaque and null on the last page. */
export const NotificationList = z
  .object({
    items: z.array(NotificationItem),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotificationList' });

export type NotificationList = z.infer<typeof NotificationList>;

/** `GET /v1/notifications/unread-count`, and the `unread` event of the stream: items with no readAt. */
export const UnreadCount = z
  .object({ unread: z.number().int().min(0) })
  .meta({ id: 'UnreadCount' });

export type UnreadCount = z.infer<typeof UnreadCount>;

/** `PATCH /v1/notifications/{id}`: read sets readAt (an item read before keeps its readAt), unread clears it. */
export const UpdateNotificationRequest = z
  .object({ read: z.boolean() })
  .strict()
  .meta({ id: 'UpdateNotificationRequest' });

export type UpdateNotificationRequest = z.infer<typeof UpdateNotificationRequest>;

/**
 * `GET /v1/notifications/stream` (Server-Sent Events): each `event:` name and the schema of its
 * JSON `data:`. The protocol is in functions/modules/notifications/README.md.
 */
export const notificationStreamEvents = { unread: UnreadCount, notification: NotificationItem } as const;
