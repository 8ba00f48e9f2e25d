import { deleteApp, initializeApp } from 'firebase/app';
import {
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  getAuth,
  signInWithCustomToken,
  signInWithEmailAndPassword,
  signOut,
} from 'firebase/auth';
import { afterAll, describe, expect, it } from 'vitest';
import { adminAuth, apiKey, authEmulatorHost, defaultProjectId, uniqueEmail } from './support/auth.ts';

const app = initializeApp({ apiKey, projectId: defaultProjectId }, `web-sdk-${process.pid}`);
const auth = getAuth(app);
connectAuthEmulator(auth, `http://${authEmulatorHost()}`, { disableWarnings: true });
afterAll(() => deleteApp(app));
const admin = adminAuth();
const password = 'correct horse battery staple';

describe('the firebase web SDK against the Auth emulator', () => {
  it('creates an account whose ID token firebase-admin accepts', async () => {
    const email = uniqueEmail('web-created');
    const { user } = await createUserWithEmailAndPassword(auth, email, password);

    expect(user.email).toBe(email);
    expect(await admin.verifyIdToken(await user.getIdToken())).toMatchObject({ uid: user.uid, email });
    await signOut(auth);
  });

  it('signs in with the password it signed up with, and refuses another', async () => {
    const email = uniqueEmail('web-sign-in');
    const { user: created } = await createUserWithEmailAndPassword(auth, email, password);
    await signOut(auth);

    await expect(signInWithEmailAndPassword(auth, email, 'not the password')).rejects.toMatchObject({
      code: 'auth/wrong-password',
    });
    const { user } = await signInWithEmailAndPassword(auth, email, password);
    expect(user.uid).toBe(created.uid);
    await signOut(auth);
  });

  it('signs in with a custom token minted by firebase-admin, claims included', async () => {
    const uid = `telegram-${Date.now().toString(36)}-${process.pid}`;
    const token = await admin.createCustomToken(uid, { role: 'admin' });

    const { user } = await signInWithCustomToken(auth, token);
    expect(user.uid).toBe(uid);
    expect((await user.getIdTokenResult()).claims).toMatchObject({ role: 'admin' });
    await signOut(auth);
  });
});
