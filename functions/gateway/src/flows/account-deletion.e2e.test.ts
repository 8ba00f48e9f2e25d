import { AccountDeletion, AuditList, NotificationList } from '@plaza/contracts';
import { firebaseAuth, firestore } from '@plaza/runtime';
import { claimsOf, signUpUser, unsignedToken, type EmulatorUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi, clientAddress, startAccountGateway } from './account-test-support.ts';

/**
 * Deleting an account, end to end on the emulators: the route marks it deleted and emits
 * plaza.identity.user.deleted.v1 through the outbox; Pub/Sub pushes it to identity's and
 * notifications' consumers, which purge the Auth user, the profile, the username, the access
 * record and the inbox.
 */
let origin: string;
let admin: EmulatorUser;

beforeAll(async () => {
  origin = await startAccountGateway(`deletion-${Date.now().toString(36)}`);
  admin = await signUpUser({ roles: ['admin'] });
});

const as = (user: { idToken: string }) => ({ idToken: user.idToken, address: clientAddress() });

/** A member with a profile, a username and a welcome in their inbox. */
async function establishedMember(): Promise<EmulatorUser & { username: string }> {
  const member = await signUpUser({ displayName: 'Leaving Soon' });
  const username = `leaver_${crypto.randomUUID().slice(0, 8)}`;
  expect((await callApi(origin, 'PATCH', '/v1/me/profile', as(member), { username })).status).toBe(200);
  await expect
    .poll(async () => NotificationList.parse(await (await callApi(origin, 'GET', '/v1/notifications', as(member))).json()).items.length, {
      timeout: 15_000,
      interval: 100,
    })
    .toBe(1);
  return { ...member, username };
}

async function authUserExists(uid: string): Promise<boolean> {
  return (await firebaseAuth()).getUser(uid).then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === 'auth/user-not-found') return false;
      throw error;
    },
  );
}

/** What is left of the account in every place the two modules keep it. */
async function remains(uid: string, username: string) {
  const db = await firestore();
  const [profile, claim, access, inbox] = await Promise.all([
    db.collection('users').doc(uid).get(),
    db.collection('usernames').doc(username).get(),
    db.collection('access').doc(uid).get(),
    db.collection('inboxes').doc(uid).collection('items').count().get(),
  ]);
  return { auth: await authUserExists(uid), profile: profile.exists, username: claim.exists, access: access.exists, inbox: inbox.data().count };
}
const purged = { auth: false, profile: false, username: false, access: false, inbox: 0 };

describe('deleting an account', () => {
  it('by its owner: stops the account at once, then every module purges it', async () => {
    const member = await establishedMember();
    const response = await callApi(origin, 'DELETE', '/v1/me', as(member));
    expect(response.status).toBe(202);
    expect(AccountDeletion.parse(await response.json())).toMatchObject({ uid: member.uid });

    // The token the member deleted with no longer works, before any consumer has run.
    expect((await callApi(origin, 'GET', '/v1/me', as(member))).status).toBe(401);
    await expect.poll(() => remains(member.uid, member.username), { timeout: 20_000, interval: 200 }).toEqual(purged);
    // The username is free for someone else.
    const next = await signUpUser();
    expect((await callApi(origin, 'PATCH', '/v1/me/profile', as(next), { username: member.username })).status).toBe(200);
  });

  it('by an admin: audited with the request id, then purged the same way; the uid is then unknown', async () => {
    const member = await establishedMember();
    const response = await callApi(origin, 'DELETE', `/v1/admin/users/${member.uid}`, as(admin));
    expect(response.status).toBe(202);
    const requestId = response.headers.get('x-request-id');
    expect((await callApi(origin, 'GET', '/v1/notifications', as(member))).status).toBe(401);

    const audit = AuditList.parse(await (await callApi(origin, 'GET', `/v1/admin/audit?target=${member.uid}`, as(admin))).json());
    expect(audit.items).toEqual([
      expect.objectContaining({
        actorUid: admin.uid,
        action: 'user.deleted',
        requestId,
        before: { roles: ['member'], disabled: false, deleted: false },
        after: { roles: ['member'], disabled: true, deleted: true },
      }),
    ]);
    // The log names the admin, never the deleted account: its email is personal data, gone with it.
    expect(Object.keys(audit.people)).toEqual([admin.uid]);
    await expect.poll(() => remains(member.uid, member.username), { timeout: 20_000, interval: 200 }).toEqual(purged);
    // The audit entry outlives the account: it is about what the admin did.
    expect(AuditList.parse(await (await callApi(origin, 'GET', `/v1/admin/audit?target=${member.uid}`, as(admin))).json()).items).toHaveLength(1);
    // Found by its uid only: the email address went with the account.
    const byEmail = AuditList.parse(await (await callApi(origin, 'GET', `/v1/admin/audit?target=${encodeURIComponent(member.email)}`, as(admin))).json());
    expect(byEmail.items).toEqual([]);
    expect((await callApi(origin, 'DELETE', `/v1/admin/users/${member.uid}`, as(admin))).status).toBe(404);
  });

  it('needs a recent sign-in to delete oneself', async () => {
    const member = await signUpUser();
    const now = Math.floor(Date.now() / 1000);
    // A session signed in ten minutes ago and still valid: revoked before that, never since.
    await setValidSince(member.uid, now - 3600);
    const oldSignIn = unsignedToken({ ...claimsOf(member.idToken), auth_time: now - 600 });
    expect((await callApi(origin, 'GET', '/v1/me/permissions', { idToken: oldSignIn, address: clientAddress() })).status).toBe(200);

    const response = await callApi(origin, 'DELETE', '/v1/me', { idToken: oldSignIn, address: clientAddress() });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'reauthentication_required' });
    expect(await authUserExists(member.uid)).toBe(true);
    expect((await (await firebaseAuth()).getUser(member.uid)).disabled).toBe(false);
  });
});

/** The Auth emulator's admin API (what revokeRefreshTokens calls), with a chosen time. */
async function setValidSince(uid: string, seconds: number): Promise<void> {
  const project = process.env.GOOGLE_CLOUD_PROJECT || 'demo-plaza';
  const response = await fetch(
    `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/projects/${project}/accounts:update`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
      body: JSON.stringify({ localId: uid, validSince: String(seconds) }),
    },
  );
  if (!response.ok) throw new Error(`accounts:update: ${response.status} ${await response.text()}`);
}
