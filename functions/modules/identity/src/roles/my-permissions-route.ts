import { MeResponse } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';

const MyPermissions = MeResponse.pick({ uid: true, roles: true, permissions: true });

export const getMyPermissionsRoute = defineRoute({
  method: 'get',
  path: '/me/permissions',
  operationId: 'getMyPermissions',
  tags: ['identity'],
  summary: 'What the presented credential allows, from the token alone',
  description: 'No database read: the dashboard can shape its navigation before the profile has loaded.',
  access: 'user',
  responses: {
    200: { description: 'Roles and permissions of the caller', content: { 'application/json': { schema: MyPermissions } } },
  },
});

export const myPermissionsRoutes = createRouter().openapi(getMyPermissionsRoute, (c) => {
  const { uid, roles, permissions } = c.get('user');
  return c.json({ uid, roles: [...roles], permissions: [...permissions].sort() }, 200);
});
