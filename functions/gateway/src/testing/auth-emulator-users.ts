import type { Role } from '@plaza/contracts';
import { firebaseAuth } from '@plaza/runtime';

export interface SignedUpUser {
  uid: string;
  email: string;
  idToken: string;
}

const password = 'correct horse battery staple';

/** The Auth emulator's copy of the Identity Toolkit REST API, which the web SDK calls too. */
async function identityToolkit<T>(method: 'accounts:signUp' | 'accounts:signInWithPassword', body: object): Promise<T> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('FIREBASE_AUTH_EMULATOR_HOST is not set: start the emulator suite first');
  // The emulator accepts any API key; it never leaves the machine.
  const response = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/${method}?key=fake-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`${method}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Signs up a fresh user the way the dashboard will, and returns their ID token. With roles, an
 * admin grants them as the `roles` custom claim first and the user signs in again, since a token
 * carries the claims of when it was issued.
 */
export async function signUpUser(options: { displayName?: string; roles?: readonly Role[] } = {}): Promise<SignedUpUser> {
  const email = `user-${crypto.randomUUID()}@plaza.test`;
  const signedUp = await identityToolkit<{ localId: string; idToken: string }>('accounts:signUp', {
    email,
    password,
    ...(options.displayName ? { displayName: options.displayName } : {}),
  });
  if (!options.roles) return { uid: signedUp.localId, email, idToken: signedUp.idToken };
  await (await firebaseAuth()).setCustomUserClaims(signedUp.localId, { roles: options.roles });
  const signedIn = await identityToolkit<{ idToken: string }>('accounts:signInWithPassword', { email, password });
  return { uid: signedUp.localId, email, idToken: signedIn.idToken };
}
