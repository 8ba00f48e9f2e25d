import { MeResponse } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { meResponse } from './profile.ts';
import { findAuthAccount } from './auth-account.ts';
import { registerOnFirstSight } from './register-on-first-sight.ts';

export const getMeRoute = defineRoute({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  tags: ['identity'],
  summary: "The signed-in user's profile, roles, permissions and account times",
  description:
    'The first call creates the profile and announces plaza.identity.user.registered.v1. The email, its verification and the times come from Firebase Auth.',
  access: { permission: 'profile:read:self' },
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: MeResponse } } },
  },
});

export const meRoutes = createRouter().openapi(getMeRoute, async (c) => {
  const user = c.get('user');
  // Independent reads: the Auth call costs no latency beyond the profile read's.
  const [profile, account] = await Promise.all([registerOnFirstSight(user, c.get('logger')), findAuthAccount(user.uid)]);
  return c.json(meResponse(profile, user, account), 200);
});
