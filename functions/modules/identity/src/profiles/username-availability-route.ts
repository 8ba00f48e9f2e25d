import { UsernameAvailability } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { z } from 'zod';
import { usernamesRepository } from './usernames-repository.ts';
import { checkUsername, usernameAvailability } from './username.ts';

export const usernameAvailabilityRoute = defineRoute({
  method: 'get',
  path: '/usernames/{username}/availability',
  operationId: 'getUsernameAvailability',
  tags: ['identity'],
  summary: 'Whether a username could be claimed now',
  description:
    'For the dashboard while the member types: a malformed or reserved name is an answer (`available: false` with the reason), not an error. The answer is advice; the claim itself (PATCH /v1/me/profile) decides.',
  access: { permission: 'profiles:read' },
  // One call per keystroke (debounced by the dashboard), never a way to enumerate the members.
  rateLimit: { limit: 120, windowMs: 60_000, key: 'user' },
  request: { params: z.object({ username: z.string().max(64) }) },
  responses: {
    200: { description: 'The availability', content: { 'application/json': { schema: UsernameAvailability } } },
  },
});

export const usernameAvailabilityRoutes = createRouter().openapi(usernameAvailabilityRoute, async (c) => {
  const check = checkUsername(c.req.valid('param').username);
  const holder = check.ok ? await usernamesRepository.holderOf(check.username) : undefined;
  return c.json(usernameAvailability(check, holder, c.get('user').uid), 200);
});
