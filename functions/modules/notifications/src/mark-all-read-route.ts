import { UnreadCount } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { inboxRepository } from './inbox-repository.ts';

export const markAllNotificationsReadRoute = defineRoute({
  method: 'post',
  path: '/notifications/read-all',
  operationId: 'markAllNotificationsRead',
  tags: ['notifications'],
  summary: "Mark every unread item of the signed-in user's inbox read",
  description: 'Items read before keep their readAt. Answers the unread count after: 0.',
  access: { permission: 'notifications:update:self' },
  responses: {
    200: { description: 'The unread count after', content: { 'application/json': { schema: UnreadCount } } },
  },
});

export const markAllReadRoutes = createRouter().openapi(markAllNotificationsReadRoute, async (c) =>
  c.json({ unread: await inboxRepository.markAllRead(c.get('user').uid) }, 200),
);
