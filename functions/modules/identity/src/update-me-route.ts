import { MeResponse } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { z } from 'zod';
import { displayNameSchema } from './display-name.ts';
import { meResponse } from './profile.ts';
import { profilesRepository } from './profiles-repository.ts';
import { registerOnFirstSight } from './register-on-first-sight.ts';

// Belongs in @plaza/contracts beside MeResponse once the API client needs it.
const UpdateMeRequest = z.object({ displayName: displayNameSchema }).strict().meta({ id: 'UpdateMeRequest' });

export const updateMeRoute = defineRoute({
  method: 'patch',
  path: '/me',
  operationId: 'updateMe',
  tags: ['identity'],
  summary: "Change the signed-in user's display name",
  access: { permission: 'profile:update:self' },
  request: { body: { required: true, content: { 'application/json': { schema: UpdateMeRequest } } } },
  responses: {
    200: { description: 'The updated profile', content: { 'application/json': { schema: MeResponse } } },
  },
});

export const updateMeRoutes = createRouter().openapi(updateMeRoute, async (c) => {
  const { displayName } = c.req.valid('json');
  // A first request may be this one; the member is registered (and welcomed) like on GET.
  const profile = await registerOnFirstSight(c.get('user'), c.get('logger'));
  const updated = { ...profile, displayName };
  await profilesRepository.save(updated);
  return c.json(meResponse(updated, c.get('user')), 200);
});
