import { UserList } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { z } from 'zod';
import { searchPrefixMaxLength, searchPrefixOf } from './search-keys.ts';
import { decodeUserSearchCursor, encodeUserSearchCursor } from './user-search-cursor.ts';
import { searchUsers } from './user-search.ts';

export const searchUsersRoute = defineRoute({
  method: 'get',
  path: '/users',
  operationId: 'searchUsers',
  tags: ['identity'],
  summary: 'Members whose username or display name starts with q, by username',
  description: `Case- and accent-insensitive prefix match on the username, the display name, and each of their words; only the first ${searchPrefixMaxLength} characters of q count. No q lists every member with a username. Members without a username, and deactivated ones, are not listed.`,
  access: { permission: 'profiles:read' },
  request: {
    query: z.object({
      q: z.string().max(200).default('').describe('The prefix to look for'),
      limit: z.coerce.number().int().min(1).max(50).default(20),
      cursor: z.string().min(1).max(512).optional().describe('nextCursor from the previous page, with the same q'),
    }),
  },
  responses: {
    200: { description: 'A page of members', content: { 'application/json': { schema: UserList } } },
  },
});

export const searchUsersRoutes = createRouter().openapi(searchUsersRoute, async (c) => {
  const { q, limit, cursor } = c.req.valid('query');
  const prefix = searchPrefixOf(q);
  const after = cursor === undefined ? undefined : decodeUserSearchCursor(cursor);
  if (cursor !== undefined && after?.prefix !== prefix) {
    throw new ProblemError(400, 'validation_failed', 'The cursor is not one this API returned for this q.', {
      errors: [{ path: 'query.cursor', message: 'Unknown cursor, or one from a search with another q' }],
    });
  }
  const page = await searchUsers({ prefix, afterUsername: after?.afterUsername, limit });
  const nextCursor = page.lastUsername === undefined ? null : encodeUserSearchCursor({ prefix, afterUsername: page.lastUsername });
  return c.json({ items: page.items, nextCursor }, 200);
});
