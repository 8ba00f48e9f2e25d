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
