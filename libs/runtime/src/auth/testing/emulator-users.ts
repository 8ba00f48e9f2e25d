import type { Role } from '@plaza/contracts';
import { firebaseAuth } from '../../firebase/firebase-auth.ts';

export interface EmulatorUser {
  uid: string;
  email: string;
  idToken: string;
}

const password = 'correct horse battery staple';

function authEmulatorHost(): string {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('FIREBASE_AUTH_EMULATOR_HOST is not set: start the emulator suite first (the platform vitest project does)');
  return host;
}

/** The Auth emulator's copy of the Identity Toolkit REST API, which the web SDK calls too. */
async function identityToolkit<T>(method: 'accounts:signUp' | 'accounts:signInWithPassword', body: object): Promise<T> {
  // The emulator accepts any API key.
  const response = await fetch(`http://${authEmulatorHost()}/identitytoolkit.googleapis.com/v1/${method}?key=test-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`${method}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Signs up a fresh user in the Auth emulator, the way the dashboard will, and returns a real ID
 * token. With roles, they are set as the `roles` custom claim through firebase-admin and the user
 * signs in again, since a token carries the claims of when it was issued.
 */
export async function signUpUser(options: { displayName?: string; roles?: readonly Role[] } = {}): Promise<EmulatorUser> {
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

/** The Auth emulator issues unsigned tokens (alg "none"); this one has the given claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** The claims of a token, unverified: tests build variants of real tokens from them. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A new ID token for an existing user, as after signing in again: current claims, `auth_time` now. */
export async function signInAgain(user: Pick<EmulatorUser, 'email'>): Promise<string> {
  const signedIn = await identityToolkit<{ idToken: string }>('accounts:signInWithPassword', { email: user.email, password });
  return signedIn.idToken;
}

/**
 * A user whose real token was issued before the account was disabled (`deactivated`) or deleted
 * (`deleted`) in Firebase Auth: the token still verifies by signature, and only a revocation
 * check tells it no longer counts.
 */
export async function signUpFormerUser(kind: 'deactivated' | 'deleted'): Promise<EmulatorUser> {
  const user = await signUpUser();
  const auth = await firebaseAuth();
  if (kind === 'deactivated') await auth.updateUser(user.uid, { disabled: true });
  else await auth.deleteUser(user.uid);
  return user;
}
