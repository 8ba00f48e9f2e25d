import { AccountDeletion } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { assertRecentSignIn } from '../account/recent-sign-in.ts';
import { UidParam } from '../admin/users-routes.ts';
import { deleteAccount } from './delete-account.ts';

const accepted = { description: 'Deleted; the data is purged shortly after', content: { 'application/json': { schema: AccountDeletion } } };

export const deleteMeRoute = defineRoute({
  method: 'delete',
  path: '/me',
  operationId: 'deleteMe',
  tags: ['identity'],
  summary: "Delete the signed-in user's account",
  description:
    'Needs a sign-in within the last 5 minutes (else 401 `reauthentication_required`: sign in again and retry). ' +
    'The account stops working at once; every module then purges its data. The last active admin cannot delete themself (409).',
  access: { permission: 'account:delete:self' },
  responses: { 202: accepted },
});

export const deleteUserRoute = defineRoute({
  method: 'delete',
  path: '/admin/users/{uid}',
  operationId: 'adminDeleteUser',
  tags: ['admin'],
  summary: 'Delete an account',
  description: 'The account stops working at once; every module then purges its data. The last active admin cannot be deleted (409).',
  access: { permission: 'users:delete' },
  request: { params: UidParam },
  responses: { 202: accepted },
});

export const deleteAccountRoutes = createRouter()
  .openapi(deleteMeRoute, async (c) => {
    const user = c.get('user');
    // Irreversible: a borrowed, still signed-in browser must not be enough.
    assertRecentSignIn(user.claims);
    const deletion = await deleteAccount({
      targetUid: user.uid,
      actor: { kind: 'self', uid: user.uid },
      requestId: c.get('requestId'),
      logger: c.get('logger'),
    });
    return c.json(deletion, 202);
  })
  .openapi(deleteUserRoute, async (c) => {
    const user = c.get('user');
    const deletion = await deleteAccount({
      targetUid: c.req.valid('param').uid,
      actor: { kind: 'staff', uid: user.uid, roles: user.roles, permission: 'users:delete' },
      requestId: c.get('requestId'),
      logger: c.get('logger'),
    });
    return c.json(deletion, 202);
  });
