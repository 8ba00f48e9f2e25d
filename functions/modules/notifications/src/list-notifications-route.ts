import { z } from 'zod';
import { NotificationList } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor.ts';
import { inboxRepository } from './inbox-repository.ts';

export const listNotificationsRoute = defineRoute({
  method: 'get',
  path: '/notifications',
  operationId: 'listNotifications',
  tags: ['notifications'],
  summary: "The signed-in user's inbox, newest first",
  access: { permission: 'notifications:read:self' },
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(50).default(20),
      cursor: z.string().min(1).max(512).optional().describe('nextCursor from the previous page'),
    }),
  },
  responses: {
    200: { description: 'A page of the inbox', content: { 'application/json': { schema: NotificationList } } },
  },
});

export const listNotificationsRoutes = createRouter().openapi(listNotificationsRoute, async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const after = cursor === undefined ? undefined : decodeInboxCursor(cursor);
  if (cursor !== undefined && !after) {
    throw new ProblemError(400, 'validation_failed', 'The cursor is not one this API returned.', {
      errors: [{ path: 'query.cursor', message: 'Unknown cursor' }],
    });
  }
  const page = await inboxRepository.list(c.get('user').uid, { limit, after });
  return c.json({ items: page.items, nextCursor: page.last ? encodeInboxCursor(page.last) : null }, 200);
});
