import { PublicProfile } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { z } from 'zod';
import { findPublicProfile } from './user-search.ts';
import { checkUsername } from './username.ts';

export const getUserRoute = defineRoute({
  method: 'get',
  path: '/users/{username}',
  operationId: 'getUser',
  tags: ['identity'],
  summary: "A member's public profile, by username",
  description: 'The username is matched case-insensitively. Never the email. 404 for an unknown, malformed or deactivated name.',
  access: { permission: 'profiles:read' },
  request: { params: z.object({ username: z.string().max(64) }) },
  responses: {
    200: { description: 'The public profile', content: { 'application/json': { schema: PublicProfile } } },
  },
});

export const getUserRoutes = createRouter().openapi(getUserRoute, async (c) => {
  const check = checkUsername(c.req.valid('param').username);
  // A malformed name cannot be held: not found, without a database read. A reserved one may
  // still be held (claimed before it was reserved), so it is looked up.
  const profile = !check.ok && check.reason === 'invalid' ? undefined : await findPublicProfile(check.username);
  if (!profile) throw new ProblemError(404, 'not_found', 'No member has this username.');
  return c.json(profile, 200);
});
