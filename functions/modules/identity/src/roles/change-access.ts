import { permissionsForRoles, type AccessState, type AuditAction, type Permission, type Role } from '@plaza/contracts';
import { firebaseAuth, ProblemError, runUseCase, type Logger, type UseCaseContext } from '@plaza/runtime';
import type { UserRecord } from 'firebase-admin/auth';
import { auditRepository } from '../admin/audit-repository.ts';
import { profilesRepository } from '../profiles/profiles-repository.ts';
import { accessRepository } from './access-repository.ts';
import { accessState, accessStateFromClaims, isActiveAdmin, removesPrivileges, sameAccess } from './access-state.ts';
import { applyAccessToAuth } from './apply-access-to-auth.ts';

/** Who asks: an admin or moderator acting on an account, or the account's owner (self-deletion). */
export type AccessActor =
  | { kind: 'staff'; uid: string; roles: readonly Role[]; permission: Permission }
  | { kind: 'self'; uid: string };

export interface AccessChange {
  actor: AccessActor;
  targetUid: string;
  /** Recorded in the audit log when the state changes (staff actions only). */
  action: AuditAction;
  /** The new state; throw a ProblemError to refuse. `actor` is the actor's state as Firestore has it. */
  change(before: AccessState, actor: AccessState): AccessState;
  /** A removal revokes sessions even when the state already matched, so a retry repairs a failed revocation. */
  removal: boolean;
  /** More writes in the same transaction (an event), once the change is decided. */
  alsoIn?(context: UseCaseContext, outcome: { before: AccessState; after: AccessState; at: Date }): void;
  requestId: string;
  logger: Logger;
}

export interface AccessChangeOutcome {
  before: AccessState;
  after: AccessState;
  changed: boolean;
  user: UserRecord;
}

/**
 * Every change of who may do what goes through here: one Firestore transaction reads the target,
 * the actor and every admin, decides, writes the access record and its audit entry (and any
 * event), and only then is Firebase Auth made to match (claims, disabled, revoked sessions).
 *
 * Inside the transaction the actor's authority is checked again against Firestore, not only the
 * token: a token may predate the actor's own demotion. And no change may leave the platform
 * without an active admin; two admins demoting each other at once both read the same admin
 * records, so Firestore serializes them and the second sees it would remove the last one.
 */
export async function changeAccess(request: AccessChange): Promise<AccessChangeOutcome> {
  const auth = await firebaseAuth();
  const user = await auth.getUser(request.targetUid).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'auth/user-not-found') {
      throw new ProblemError(404, 'not_found', 'There is no account with this uid.');
    }
    throw error;
  });
  const { actor } = request;
  const outcome = await runUseCase(
    async (context) => {
      const { tx } = context;
      // The admins first: every change reads them, so the locks are taken in the same order
      // everywhere and concurrent changes queue instead of deadlocking.
      const admins = await accessRepository.adminsIn(tx);
      const [targetRecord, actorRecord] =
        actor.uid === request.targetUid
          ? await accessRepository.findAllIn(tx, [request.targetUid]).then(([record]) => [record, record])
          : await accessRepository.findAllIn(tx, [request.targetUid, actor.uid]);
      const profile = await profilesRepository.findIn(tx, request.targetUid);
      const at = new Date();

      const before = targetRecord ? stateOf(targetRecord) : accessStateFromClaims(user.customClaims, user.disabled);
      if (before.deleted) throw new ProblemError(404, 'not_found', 'This account has been deleted.');
      // An actor identity has no record of takes the roles their token carries (see accessStateFromClaims).
      const actorState =
        actor.uid === request.targetUid ? before : actorRecord ? stateOf(actorRecord) : accessState(actor.kind === 'staff' ? actor.roles : []);
      if (actor.kind === 'staff' && !mayStillAct(actorState, actor.permission)) {
        throw new ProblemError(403, 'forbidden', `Your access changed: this needs the permission ${actor.permission}.`);
      }

      const after = request.change(before, actorState);
      if (isActiveAdmin(before) && !isActiveAdmin(after)) {
        const otherActiveAdmins = admins.filter((admin) => admin.uid !== request.targetUid && isActiveAdmin(stateOf(admin)));
        const actorIsUnrecordedAdmin = !actorRecord && actor.uid !== request.targetUid && isActiveAdmin(actorState);
        if (otherActiveAdmins.length === 0 && !actorIsUnrecordedAdmin) {
          throw new ProblemError(409, 'conflict', 'This is the last active admin: make someone else an admin first.');
        }
      }

      const changed = !sameAccess(before, after);
      // The first change to an account (or to an actor known only by claims) writes its record:
      // from then on Firestore, not the claims, is what counts.
      if (changed || !targetRecord) await accessRepository.setIn(tx, request.targetUid, after, actor.kind === 'self' ? 'self' : actor.uid, at);
      if (!actorRecord && actor.kind === 'staff' && actor.uid !== request.targetUid) {
        await accessRepository.setIn(tx, actor.uid, actorState, actor.uid, at);
      }
      if (changed && actor.kind === 'staff') {
        await auditRepository.addIn(tx, {
          actorUid: actor.uid,
          action: request.action,
          targetUid: request.targetUid,
          before,
          after,
          at: at.toISOString(),
          requestId: request.requestId,
        });
      }
      const hidden = after.disabled || after.deleted;
      // A suspended or deleted account's profile leaves public lookup and search at once.
      if (profile && profile.disabled !== hidden) await profilesRepository.setDisabledIn(tx, profile, hidden);
      if (changed) request.alsoIn?.(context, { before, after, at });
      return { before, after, changed };
    },
    { logger: request.logger },
  );

  try {
    await applyAccessToAuth(request.targetUid, {
      revokeSessions: removesPrivileges(outcome.before, outcome.after) || request.removal,
      logger: request.logger,
    });
  } catch (err) {
    // The change is committed and stands; only the cache in Firebase Auth lags. The same request
    // again re-applies it from Firestore.
    request.logger.error({ err, targetUid: request.targetUid }, 'access committed but not applied to Firebase Auth');
    throw new ProblemError(503, 'unavailable', 'The change is saved but not yet in effect; send the same request again.', {
      headers: { 'Retry-After': '1' },
    });
  }
  return { ...outcome, user: await auth.getUser(request.targetUid).catch(() => user) };
}

function stateOf({ roles, disabled, deleted }: AccessState): AccessState {
  return { roles, disabled, deleted };
}

function mayStillAct(state: AccessState, permission: Permission): boolean {
  return !state.disabled && !state.deleted && permissionsForRoles(state.roles).has(permission);
}
