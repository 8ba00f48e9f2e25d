import { userDeleted } from '@plaza/contracts';
import { createCloudEvent, firebaseAuth, firestore } from '@plaza/runtime';
import { consumerPushes, signUpUser } from '@plaza/runtime/testing';
import { describe, expect, it } from 'vitest';
import { onUserDeleted } from './on-user-deleted.ts';

process.env.METADATA_SERVER_DETECTION ??= 'none';

const push = consumerPushes(onUserDeleted);

async function state(uid: string, username: string) {
  const db = await firestore();
  const [profile, claim, access, auth] = await Promise.all([
    db.collection('users').doc(uid).get(),
    db.collection('usernames').doc(username).get(),
    db.collection('access').doc(uid).get(),
    (await firebaseAuth()).getUser(uid).then(
      () => true,
      () => false,
    ),
  ]);
  return { auth, profile: profile.exists, username: claim.exists ? (claim.get('uid') as string) : null, access: access.exists };
}

/** An account as identity keeps it: Auth user, profile with a username, its claim, an access record. */
async function account() {
  const user = await signUpUser();
  const username = `gone_${crypto.randomUUID().slice(0, 8)}`;
  const db = await firestore();
  const now = new Date().toISOString();
  await Promise.all([
    db.collection('users').doc(user.uid).set({ uid: user.uid, email: user.email, username, displayName: null, avatarUrl: null, bio: null, createdAt: now, disabled: true }),
    db.collection('usernames').doc(username).set({ uid: user.uid, claimedAt: now }),
    db.collection('access').doc(user.uid).set({ uid: user.uid, roles: ['member'], disabled: true, deleted: true, updatedAt: now, updatedBy: 'self' }),
  ]);
  return { uid: user.uid, username };
}

describe('identity.on-user-deleted', () => {
  it('deletes the Auth user, the profile, the username claim and the access record', async () => {
    const { uid, username } = await account();
    expect(await state(uid, username)).toEqual({ auth: true, profile: true, username: uid, access: true });
    expect((await push(createCloudEvent(userDeleted, { uid, deletedBy: 'self' }))).status).toBe(204);
    expect(await state(uid, username)).toEqual({ auth: false, profile: false, username: null, access: false });
  });

  it('is idempotent: a redelivery is acked, and a run on what is already gone changes nothing', async () => {
    const { uid, username } = await account();
    const event = createCloudEvent(userDeleted, { uid, deletedBy: { adminUid: 'some-admin' } });
    expect((await push(event)).status).toBe(204);
    // Someone else claims the freed name before the event is delivered again.
    const db = await firestore();
    await db.collection('usernames').doc(username).set({ uid: 'new-holder', claimedAt: new Date().toISOString() });
    expect((await push(event)).status).toBe(204);
    // A delivery not recorded as processed (a crash after deleting the Auth user, before the
    // commit) runs the handler again over nothing: still a success, and the new holder keeps the name.
    expect((await push(createCloudEvent(userDeleted, { uid, deletedBy: { adminUid: 'some-admin' } }))).status).toBe(204);
    expect(await state(uid, username)).toEqual({ auth: false, profile: false, username: 'new-holder', access: false });
  });
});
