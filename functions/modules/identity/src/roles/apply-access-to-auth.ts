import { firebaseAuth, forgetVerifiedCredentials, type Logger } from '@plaza/runtime';
import { accessRepository } from './access-repository.ts';
import { signOutEverywhere } from '../sessions/sign-out-everywhere.ts';

/**
 * Makes Firebase Auth match the account's access record, which is what Firestore committed:
 * the `roles` custom claim (other custom claims are kept) and the `disabled` flag. It reads the
 * record afresh instead of trusting the caller, so running it again, after a crash between the
 * commit and this call or on a retried request, converges on the same state (idempotent).
 *
 * With `revokeSessions`, it also revokes the account's refresh tokens. A token already issued
 * keeps the claims it was minted with until it expires (up to an hour), so after taking a role
 * away that is the only way to make it stop working: the next request with it is a 401 (the
 * runtime verifies with the revocation check) and a new sign-in carries the new claims. A grant
 * needs no revocation: the client refreshes its token (`getIdToken(true)`) to use the new role.
 */
export async function applyAccessToAuth(uid: string, { revokeSessions, logger }: { revokeSessions: boolean; logger: Logger }): Promise<void> {
  const [record, auth] = await Promise.all([accessRepository.find(uid), firebaseAuth()]);
  if (!record) return;
  try {
    const user = await auth.getUser(uid);
    await auth.setCustomUserClaims(uid, { ...user.customClaims, roles: record.roles });
    const disabled = record.disabled || record.deleted;
    if (user.disabled !== disabled) await auth.updateUser(uid, { disabled });
    if (revokeSessions) {
      await signOutEverywhere(uid);
    }
    logger.info({ targetUid: uid, roles: record.roles, disabled, revokedSessions: revokeSessions }, 'access applied to Firebase Auth');
  } catch (error) {
    // A deleted account's Auth user may be gone already (identity.on-user-deleted can run as soon
    // as the deletion commits): then there is nothing left to apply access to.
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    forgetVerifiedCredentials(uid);
  }
}
