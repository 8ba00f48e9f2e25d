import { z } from 'zod';
import { defineEvent } from './define-event.ts';

/**
 * A notification landed in a person's inbox. Delivery channels (Telegram, web push, email
 * digests) consume it and decide, by that person's preferences, whether to pass it on.
 */
export const notificationCreated = defineEvent(
  'plaza.notifications.notification.created.v1',
  z.object({
    uid: z.string().min(1),
    notificationId: z.string().min(1),
    kind: z.string().min(1),
    title: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  }),
);
