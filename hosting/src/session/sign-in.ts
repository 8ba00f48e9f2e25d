import { checkPassword, type PasswordIssue } from '@plaza/contracts';
import { expectOk } from '@plaza/api-client';
import type { User } from 'firebase/auth';
import { api, setCsrfToken } from '../api.ts';
import { firebaseAuth } from './firebase-auth.ts';

export type Provider = 'google' | 'github';

/**
 * Trades a fresh Firebase sign-in for the API's session cookie (`POST /v1/auth/session`, the ID
 * token as Bearer), then forgets the Firebase user: the browser keeps only the HttpOnly cookie.
 */
async function openSession(user: User): Promise<void> {
  const idToken = await user.getIdToken();
  const { csrfToken } = await expectOk(api.POST('/v1/auth/session', { headers: { Authorization: `Bearer ${idToken}` }, body: {} }));
  setCsrfToken(csrfToken);
  await (await firebaseAuth()).signOut();
}

export async function signInWithPassword(email: string, password: string): Promise<void> {
  const { signInWithEmailAndPassword } = await import('firebase/auth');
  const { user } = await signInWithEmailAndPassword(await firebaseAuth(), email, password);
  await openSession(user);
}

/** Creates the account after checking the password policy the API enforces, then mails the verification link. */
export async function signUp(email: string, password: string): Promise<void> {
  const broken = checkPassword(password, { email });
  if (broken.length > 0) throw new PasswordPolicyError(broken);
  const { createUserWithEmailAndPassword } = await import('firebase/auth');
  const { user } = await createUserWithEmailAndPassword(await firebaseAuth(), email, password);
  await openSession(user);
  // The first /v1/me registers the member; the verification mail then has someone to go to.
  await expectOk(api.GET('/v1/me'));
  await expectOk(api.POST('/v1/auth/verification'));
}

export async function signInWithProvider(provider: Provider): Promise<void> {
  const { GithubAuthProvider, GoogleAuthProvider, signInWithPopup } = await import('firebase/auth');
  const authProvider = provider === 'google' ? new GoogleAuthProvider() : new GithubAuthProvider().addScope('user:email');
  const { user } = await signInWithPopup(await firebaseAuth(), authProvider);
  await openSession(user);
}

export class PasswordPolicyError extends Error {
  constructor(readonly broken: readonly PasswordIssue[]) {
    super(`The password ${broken.map((issue) => issue.message).join(', ')}.`);
    this.name = 'PasswordPolicyError';
  }
}

const firebaseMessages: Record<string, string> = {
  'auth/invalid-credential': 'That email and password do not match an account.',
  'auth/wrong-password': 'That email and password do not match an account.',
  'auth/user-not-found': 'That email and password do not match an account.',
  'auth/invalid-email': 'That is not an email address.',
  'auth/email-already-in-use': 'An account with this email already exists. Sign in instead, or reset its password.',
  'auth/weak-password': 'Choose a stronger password.',
  'auth/user-disabled': 'This account is suspended.',
  'auth/too-many-requests': 'Too many attempts. Wait a minute and try again.',
  'auth/popup-closed-by-user': 'The sign-in window was closed before it finished.',
  'auth/popup-blocked': 'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
  'auth/account-exists-with-different-credential': 'This email already has an account with another sign-in method. Use that one.',
  'auth/network-request-failed': 'Firebase Auth could not be reached. Check your connection.',
};

/** A Firebase Auth error in words a person can act on; undefined for anything else. */
export function describeFirebaseError(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  return code?.startsWith('auth/') ? (firebaseMessages[code] ?? `Sign-in failed (${code}).`) : undefined;
}
