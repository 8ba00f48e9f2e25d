import { UnreadCount } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { inboxRepository } from './inbox-repository.ts';

export const countUnreadNotificationsRoute = defineRoute({
  method: 'get',
  path: '/notifications/unread-count',
  operationId: 'countUnreadNotifications',
  tags: ['notifications'],
  summary: "How many items of the signed-in user's inbox are unread",
  access: { permission: 'notifications:read:self' },
  responses: {
    200: { description: 'The unread count', content: { 'application/json': { schema: UnreadCount } } },
  },
});

export const unreadCountRoutes = createRouter().openapi(countUnreadNotificationsRoute, async (c) =>
  c.json({ unread: await inboxRepository.unreadCount(c.get('user').uid) }, 200),
);
