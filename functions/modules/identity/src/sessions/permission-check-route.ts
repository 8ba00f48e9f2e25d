import { PermissionCheckQuery, PermissionCheckResponse } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';

export const permissionCheckRoute = defineRoute({
  method: 'get',
  path: '/auth/permissions',
  operationId: 'checkPermission',
  tags: ['sessions'],
  summary: 'Whether the caller holds one permission',
  description: 'From the roles of the presented credential, with no database read. An unknown permission is a 400 naming `query.check`.',
  access: 'user',
  request: { query: PermissionCheckQuery },
  responses: {
    200: { description: 'The answer', content: { 'application/json': { schema: PermissionCheckResponse } } },
  },
});

export const permissionCheckRoutes = createRouter().openapi(permissionCheckRoute, (c) => {
  const permission = c.req.valid('query').check;
  return c.json({ permission, granted: c.get('user').permissions.has(permission) }, 200);
});
