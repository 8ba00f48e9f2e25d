import { NotificationItem, UpdateNotificationRequest } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { z } from 'zod';
import { inboxRepository } from './inbox-repository.ts';

const tags = ['notifications'];

/** An item's id as the list gives it: the id of the event that created it. */
export const NotificationIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be the id of a notification: 1 to 128 of A-Z a-z 0-9 _ -'),
});

export const updateNotificationRoute = defineRoute({
  method: 'patch',
  path: '/notifications/{id}',
  operationId: 'updateNotification',
  tags,
  summary: 'Mark an item of the inbox read or unread',
  description: 'Read sets readAt to now; an item read before keeps its readAt. Unread sets it to null. 404 `not_found` when the inbox has no such item.',
  access: { permission: 'notifications:update:self' },
  request: {
    params: NotificationIdParam,
    body: { required: true, content: { 'application/json': { schema: UpdateNotificationRequest } } },
  },
  responses: {
    200: { description: 'The item after the change', content: { 'application/json': { schema: NotificationItem } } },
  },
});

export const deleteNotificationRoute = defineRoute({
  method: 'delete',
  path: '/notifications/{id}',
  operationId: 'deleteNotification',
  tags,
  summary: 'Delete an item of the inbox; deleting one that is gone is fine',
  access: { permission: 'notifications:update:self' },
  request: { params: NotificationIdParam },
  responses: { 204: { description: 'Not in the inbox (any more)' } },
});

export const inboxItemRoutes = createRouter()
  .openapi(updateNotificationRoute, async (c) => {
    const item = await inboxRepository.setRead(c.get('user').uid, c.req.valid('param').id, c.req.valid('json').read);
    if (!item) throw new ProblemError(404, 'not_found', 'There is no such notification in your inbox.');
    return c.json(item, 200);
  })
  .openapi(deleteNotificationRoute, async (c) => {
    await inboxRepository.remove(c.get('user').uid, c.req.valid('param').id);
    return c.body(null, 204);
  });
