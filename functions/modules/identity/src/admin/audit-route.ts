import { AuditAction, AuditList } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { z } from 'zod';
import { auditCursor } from './audit-cursor.ts';
import { auditRepository } from './audit-repository.ts';
import { findExactly, findUsers, isEmailAddress } from './list-users.ts';

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
      actor: z.string().min(1).max(320).optional().describe('Only entries by this account: its uid, or its email address (a text with an @)'),
      target: z.string().min(1).max(320).optional().describe('Only entries about this account: its uid, or its email address (a text with an @)'),
      action: AuditAction.optional(),
    }),
  },
  responses: { 200: { description: 'A page of the audit log', content: { 'application/json': { schema: AuditList } } } },
});

/** No filter, the uid to filter on, or null when an email address names no account (a deleted one included). */
async function uidFilter(text: string | undefined): Promise<string | undefined | null> {
  if (text === undefined || !isEmailAddress(text)) return text;
  const [user] = await findExactly(text);
  return user?.uid ?? null;
}

export const auditRoutes = createRouter().openapi(listAuditRoute, async (c) => {
  const { limit, cursor, actor, target, action } = c.req.valid('query');
  const after = auditCursor.decode(cursor);
  const [actorUid, targetUid] = await Promise.all([uidFilter(actor), uidFilter(target)]);
  if (actorUid === null || targetUid === null) return c.json({ items: [], people: {}, nextCursor: null }, 200);
  const page = await auditRepository.list({ actorUid, targetUid, action }, { limit, after });
  const named = await findUsers(page.items.flatMap((entry) => [entry.actorUid, entry.targetUid]));
  const people = Object.fromEntries(named.map((user) => [user.uid, { email: user.email, displayName: user.displayName }]));
  return c.json({ items: page.items, people, nextCursor: page.last ? auditCursor.encode(page.last) : null }, 200);
});
