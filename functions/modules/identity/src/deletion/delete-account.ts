import { userDeleted, type AccountDeletion } from '@plaza/contracts';
import type { Logger } from '@plaza/runtime';
import { changeAccess, type AccessActor } from '../roles/change-access.ts';

/**
 * Deletes an account, by its owner or by an admin: in one transaction the access record is
 * marked deleted (and disabled), the audit entry written (for an admin) and
 * plaza.identity.user.deleted.v1 put in the outbox. Right after the commit the Auth user is
 * disabled and its sessions revoked, so the account stops working at once; the purge of its
 * data is each module's consumer's job (docs/events.md, "Deleting a user"), identity's included.
 * The last active admin cannot be deleted (409).
 */
export async function deleteAccount(request: {
  targetUid: string;
  actor: AccessActor;
  requestId: string;
  logger: Logger;
}): Promise<AccountDeletion> {
  let deletedAt = new Date();
  await changeAccess({
    actor: request.actor,
    targetUid: request.targetUid,
    action: 'user.deleted',
    removal: true,
    change: (before) => ({ ...before, disabled: true, deleted: true }),
    alsoIn({ emit }, { at }) {
      deletedAt = at;
      emit(
        userDeleted,
        { uid: request.targetUid, deletedBy: request.actor.kind === 'self' ? 'self' : { adminUid: request.actor.uid } },
        { subject: `users/${request.targetUid}` },
      );
    },
    requestId: request.requestId,
    logger: request.logger,
  });
  return { uid: request.targetUid, deletedAt: deletedAt.toISOString() };
}
