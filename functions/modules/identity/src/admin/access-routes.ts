import { AdminUser, AssignableRole, type AccessState, type Permission } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError, type AuthUser, type Logger } from '@plaza/runtime';
import { withRole, withoutRole, maySuspend } from '../roles/access-state.ts';
import { changeAccess, type AccessChange } from '../roles/change-access.ts';
import { accessRepository } from '../roles/access-repository.ts';
import { adminUserView, profileNames } from './admin-user-view.ts';
import { UidParam } from './users-routes.ts';

const RoleParams = UidParam.extend({ role: AssignableRole });
const json = { content: { 'application/json': { schema: AdminUser } } };

const roleRoute = (method: 'put' | 'delete') =>
  defineRoute({
    method,
    path: '/admin/users/{uid}/roles/{role}',
    operationId: method === 'put' ? 'adminAssignRole' : 'adminRevokeRole',
    tags: ['admin'],
    summary: method === 'put' ? 'Grant a role' : 'Take a role away',
    description:
      method === 'put'
        ? 'Idempotent. The account gets the role the next time its client refreshes its ID token (getIdToken(true)).'
        : "Idempotent. The account's sessions are revoked: its next request is a 401 and a new sign-in carries the new roles. " +
          'The last active admin cannot lose the role (409).',
    access: { permission: 'roles:assign' },
    request: { params: RoleParams },
    responses: { 200: { description: 'The account after the change', ...json } },
  });

const suspensionRoute = (action: 'deactivate' | 'reactivate') =>
  defineRoute({
    method: 'post',
    path: `/admin/users/{uid}/${action}`,
    operationId: action === 'deactivate' ? 'adminDeactivateUser' : 'adminReactivateUser',
    tags: ['admin'],
    summary: action === 'deactivate' ? 'Suspend an account: disable it in Firebase Auth and revoke its sessions' : 'Lift a suspension',
    description: 'Idempotent. Moderators may suspend members only; only an admin may suspend a moderator or an admin.',
    access: { permission: 'users:suspend' },
    request: { params: UidParam },
    responses: { 200: { description: 'The account after the change', ...json } },
  });

export const assignRoleRoute = roleRoute('put');
export const revokeRoleRoute = roleRoute('delete');
export const deactivateUserRoute = suspensionRoute('deactivate');
export const reactivateUserRoute = suspensionRoute('reactivate');

type Change = Pick<AccessChange, 'action' | 'change' | 'removal'> & { permission: Permission };

/** What a request contributes to an access change. */
interface Caller {
  user: AuthUser;
  requestId: string;
  logger: Logger;
}

async function respond({ user, requestId, logger }: Caller, targetUid: string, change: Change) {
  const outcome = await changeAccess({
    actor: { kind: 'staff', uid: user.uid, roles: user.roles, permission: change.permission },
    targetUid,
    action: change.action,
    change: change.change,
    removal: change.removal,
    requestId,
    logger,
  });
  const [record, names] = await Promise.all([accessRepository.find(targetUid), profileNames([targetUid])]);
  return adminUserView(outcome.user, record, names.get(targetUid));
}

/** Judged on the actor's roles as Firestore has them, in the transaction. */
function suspension(disabled: boolean) {
  return (before: AccessState, actor: AccessState): AccessState => {
    if (!maySuspend(actor.roles, before)) {
      throw new ProblemError(403, 'forbidden', 'Only an admin may suspend or reinstate a moderator or an admin.');
    }
    return { ...before, disabled };
  };
}

export const accessRoutes = createRouter()
  .openapi(assignRoleRoute, async (c) => {
    const { uid, role } = c.req.valid('param');
    const caller = { user: c.get('user'), requestId: c.get('requestId'), logger: c.get('logger') };
    const change = (before: AccessState) => withRole(before, role);
    return c.json(await respond(caller, uid, { permission: 'roles:assign', action: 'role.assigned', removal: false, change }), 200);
  })
  .openapi(revokeRoleRoute, async (c) => {
    const { uid, role } = c.req.valid('param');
    const caller = { user: c.get('user'), requestId: c.get('requestId'), logger: c.get('logger') };
    const change = (before: AccessState) => withoutRole(before, role);
    return c.json(await respond(caller, uid, { permission: 'roles:assign', action: 'role.revoked', removal: true, change }), 200);
  })
  .openapi(deactivateUserRoute, async (c) => {
    const caller = { user: c.get('user'), requestId: c.get('requestId'), logger: c.get('logger') };
    const change = suspension(true);
    return c.json(await respond(caller, c.req.valid('param').uid, { permission: 'users:suspend', action: 'user.deactivated', removal: true, change }), 200);
  })
  .openapi(reactivateUserRoute, async (c) => {
    const caller = { user: c.get('user'), requestId: c.get('requestId'), logger: c.get('logger') };
    const change = suspension(false);
    return c.json(await respond(caller, c.req.valid('param').uid, { permission: 'users:suspend', action: 'user.reactivated', removal: false, change }), 200);
  });
