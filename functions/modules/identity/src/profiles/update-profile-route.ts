import { MeResponse, UpdateProfileRequest } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { meResponse } from './profile.ts';
import { registerOnFirstSight } from './register-on-first-sight.ts';
import { findAuthAccount } from './auth-account.ts';
import { updateProfile } from './update-profile.ts';
import { checkUsername } from './username.ts';

export const updateProfileRoute = defineRoute({
  method: 'patch',
  path: '/me/profile',
  operationId: 'updateMyProfile',
  tags: ['identity'],
  summary: "Change the signed-in user's username, display name, avatar or bio",
  description:
    'Absent fields stay as they are; null removes one. A username is trimmed and lower-cased, then claimed atomically: 409 `username_taken` when another member holds it, 400 naming `body.username` when it is malformed or reserved. The previous username is released at once.',
  access: { permission: 'profile:update:self' },
  request: { body: { required: true, content: { 'application/json': { schema: UpdateProfileRequest } } } },
  responses: {
    200: { description: 'The updated profile, as GET /v1/me shows it', content: { 'application/json': { schema: MeResponse } } },
  },
});

export const updateProfileRoutes = createRouter().openapi(updateProfileRoute, async (c) => {
  const changes = c.req.valid('json');
  if (changes.username !== undefined) {
    const check = checkUsername(changes.username);
    if (!check.ok) {
      throw new ProblemError(400, 'validation_failed', check.message, { errors: [{ path: 'body.username', message: check.message }] });
    }
  }
  const user = c.get('user');
  // A first request may be this one; the member is registered (and welcomed) like on GET /v1/me.
  await registerOnFirstSight(user, c.get('logger'));
  const [updated, account] = await Promise.all([updateProfile(user.uid, changes), findAuthAccount(user.uid)]);
  return c.json(meResponse(updated, user, account), 200);
});
