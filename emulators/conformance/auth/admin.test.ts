import { describe, expect, it } from 'vitest';
import { adminAuth, deleteAllAccounts, identityToolkit, uniqueEmail } from './support/auth.ts';

const auth = adminAuth();
const password = 'correct horse battery staple';

describe('firebase-admin against the Auth emulator', () => {
  it('creates a user and finds it by uid and by email', async () => {
    const email = uniqueEmail('created');
    const created = await auth.createUser({ email, password, displayName: 'Ada' });

    expect(await auth.getUser(created.uid)).toMatchObject({ email, displayName: 'Ada', disabled: false });
    expect((await auth.getUserByEmail(email)).uid).toBe(created.uid);
  });

  it('refuses a second user with the same email', async () => {
    const email = uniqueEmail('twice');
    await auth.createUser({ email, password });
    await expect(auth.createUser({ email, password })).rejects.toMatchObject({ code: 'auth/email-already-exists' });
  });

  it('verifies an ID token the emulator issued at sign-up', async () => {
    const email = uniqueEmail('signed-up');
    const session = await identityToolkit('signUp', { email, password });

    const decoded = await auth.verifyIdToken(session.idToken);
    expect(decoded).toMatchObject({ uid: session.localId, email, firebase: { sign_in_provider: 'password' } });
  });

  it('rejects a tampered ID token', async () => {
    const session = await identityToolkit('signUp', { email: uniqueEmail('tampered'), password });
    const [header, , signature] = session.idToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'someone-else' })).toString('base64url');
    await expect(auth.verifyIdToken(`${header}.${forgedPayload}.${signature}`)).rejects.toThrow();
  });

  it('carries custom claims into the tokens issued after they are set', async () => {
    const email = uniqueEmail('moderator');
    const { localId } = await identityToolkit('signUp', { email, password });
    await auth.setCustomUserClaims(localId, { role: 'moderator' });

    expect((await auth.getUser(localId)).customClaims).toEqual({ role: 'moderator' });
    const { idToken } = await identityToolkit('signInWithPassword', { email, password });
    expect(await auth.verifyIdToken(idToken)).toMatchObject({ uid: localId, role: 'moderator' });
  });
});

describe('resetting a project of the Auth emulator', () => {
  // A project of this file's own, so the reset cannot touch accounts other test files rely on.
  const projectId = 'demo-auth-reset-conformance';
  const isolated = adminAuth(projectId);

  it('deletes every account of that project', async () => {
    await isolated.createUser({ email: uniqueEmail('doomed'), password });
    expect((await isolated.listUsers()).users).not.toHaveLength(0);

    await deleteAllAccounts(projectId);

    expect((await isolated.listUsers()).users).toEqual([]);
  });
});
