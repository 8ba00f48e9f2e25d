import { AdminUser, AdminUserList, roles } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { z } from 'zod';
import { findUser, listUsers } from './list-users.ts';

/** A Firebase uid: 1 to 128 characters. */
export const UidParam = z.object({ uid: z.string().min(1).max(128) });

const booleanText = z.enum(['true', 'false']).transform((text) => text === 'true');

export const listUsersRoute = defineRoute({
  method: 'get',
  path: '/admin/users',
  operationId: 'adminListUsers',
  tags: ['admin'],
  summary: 'Accounts, with their roles and suspension, a page at a time',
  access: { permission: 'users:read' },
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().min(1).max(2048).optional().describe('nextCursor from the previous page'),
      role: z.enum(roles).optional().describe('Only accounts holding this role (every account is a member)'),
      disabled: booleanText.optional().describe('Only deactivated (true) or active (false) accounts'),
      q: z.string().min(1).max(320).optional().describe('An exact uid or email address, answered only if it passes the role and disabled filters'),
      name: z.string().min(1).max(200).optional().describe('A prefix of the username or display name'),
    }),
  },
  responses: { 200: { description: 'A page of accounts', content: { 'application/json': { schema: AdminUserList } } } },
});

export const getUserRoute = defineRoute({
  method: 'get',
  path: '/admin/users/{uid}',
  operationId: 'adminGetUser',
  tags: ['admin'],
  summary: 'One account, with its roles and suspension',
  access: { permission: 'users:read' },
  request: { params: UidParam },
  responses: { 200: { description: 'The account', content: { 'application/json': { schema: AdminUser } } } },
});

export const usersRoutes = createRouter()
  .openapi(listUsersRoute, async (c) => c.json(await listUsers(c.req.valid('query')), 200))
  .openapi(getUserRoute, async (c) => {
    const user = await findUser(c.req.valid('param').uid);
    if (!user) throw new ProblemError(404, 'not_found', 'There is no account with this uid.');
    return c.json(user, 200);
  });
