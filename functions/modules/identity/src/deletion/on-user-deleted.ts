import { userDeleted } from '@plaza/contracts';
import { defineConsumer, firebaseAuth, firestore } from '@plaza/runtime';
import { profilesCollection, profilesRepository } from '../profiles/profiles-repository.ts';
import { usernamesRepository } from '../profiles/usernames-repository.ts';
import { accessRepository } from '../roles/access-repository.ts';

/**
 * Identity's part of a deletion: the Firebase Auth user, the profile, its username (freed for
 * others) and the access record. The audit log is kept as it is: its entries are about what
 * admins did, hold uids and access states but no personal data, and are what an operator needs
 * to answer "who deleted this account".
 *
 * Idempotent: a redelivered event is acked by defineConsumer without running this again, and
 * if this runs again anyway (a crash after deleting the Auth user, before the commit), an Auth
 * user already gone and documents already gone are no-ops.
 */
export const onUserDeleted = defineConsumer({
  name: 'identity.on-user-deleted',
  event: userDeleted,
  async handle({ tx, event, logger }) {
    const { uid } = event.data;
    const profile = await profilesRepository.findIn(tx, uid);
    const username = profile?.username ?? null;
    const usernameHolder = username ? await usernamesRepository.holderIn(tx, username) : undefined;
    // Outside the transaction (Auth is not Firestore), before the commit: if it fails, nothing is
    // recorded and Pub/Sub redelivers.
    await (await firebaseAuth()).deleteUser(uid).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    });
    // The profiles code has no delete of its own: a profile only ever goes away with its account.
    tx.delete((await firestore()).collection(profilesCollection).doc(uid));
    if (username && usernameHolder === uid) await usernamesRepository.releaseIn(tx, username);
    await accessRepository.deleteIn(tx, uid);
    logger.info({ targetUid: uid, hadProfile: Boolean(profile), releasedUsername: usernameHolder === uid }, 'identity data purged');
  },
});
