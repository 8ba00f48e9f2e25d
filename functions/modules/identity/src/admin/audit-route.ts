import { AuditAction, AuditList } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { z } from 'zod';
import { auditCursor } from './audit-cursor.ts';
import { auditRepository } from './audit-repository.ts';
import { findUsers } from './list-users.ts';

export const listAuditRoute = defineRoute({
  method: 'get',
  path: '/admin/audit',
  operationId: 'adminListAudit',
  tags: ['admin'],
  summary: 'What admins and moderators did, newest first',
  access: { permission: 'audit:read' },
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().min(1).max(512).optional().describe('nextCursor from the previous page'),
      actor: z.string().min(1).max(128).optional().describe('Only entries by this uid'),
      target: z.string().min(1).max(128).optional().describe('Only entries about this uid'),
      action: AuditAction.optional(),
    }),
  },
  responses: { 200: { description: 'A page of the audit log', content: { 'application/json': { schema: AuditList } } } },
});

export const auditRoutes = createRouter().openapi(listAuditRoute, async (c) => {
  const { limit, cursor, actor, target, action } = c.req.valid('query');
  const page = await auditRepository.list({ actorUid: actor, targetUid: target, action }, { limit, after: auditCursor.decode(cursor) });
  const named = await findUsers(page.items.flatMap((entry) => [entry.actorUid, entry.targetUid]));
  const people = Object.fromEntries(named.map((user) => [user.uid, { email: user.email, displayName: user.displayName }]));
  return c.json({ items: page.items, people, nextCursor: page.last ? auditCursor.encode(page.last) : null }, 200);
});
