import { MeResponse } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { meResponse } from './profile.ts';
import { registerOnFirstSight } from './register-on-first-sight.ts';

export const getMeRoute = defineRoute({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  tags: ['identity'],
  summary: "The signed-in user's profile, roles and permissions",
  description: 'The first call creates the profile and announces plaza.identity.user.registered.v1.',
  access: { permission: 'profile:read:self' },
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: MeResponse } } },
  },
});

export const meRoutes = createRouter().openapi(getMeRoute, async (c) => {
  const profile = await registerOnFirstSight(c.get('user'), c.get('logger'));
  return c.json(meResponse(profile, c.get('user')), 200);
});
