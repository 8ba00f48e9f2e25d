import { ApiProblem, expectOk } from '@plaza/api-client';
import { api } from '../api.ts';
import { describeFirebaseError, signInWithPassword, signInWithProvider, type Provider } from '../session/sign-in.ts';

/** Whether a call failed only because the last sign-in is too old (more than 5 minutes). */
export function needsReauthentication(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 401 && error.code === 'reauthentication_required';
}

/**
 * Re-authenticating is signing in again: a fresh session cookie carries a new `auth_time`. The
 * new session must belong to the same member; a provider popup may sign in to another account,
 * and the retried call (an email change, a deletion) must never land on it. If it did, that
 * session is closed again and the member is told.
 */
async function checkSameMember(uid: string): Promise<void> {
  const me = await expectOk(api.GET('/v1/me'));
  if (me.uid === uid) return;
  await expectOk(api.DELETE('/v1/auth/session')).catch(() => undefined);
  throw new Error(`That signed in to another account (${me.email ?? me.uid}). Sign in again as yourself.`);
}

function plainFirebaseError(error: unknown): unknown {
  const message = describeFirebaseError(error);
  return message ? new Error(message) : error;
}

export async function reauthenticateWithPassword(member: { uid: string; email: string }, password: string): Promise<void> {
  try {
    await signInWithPassword(member.email, password);
  } catch (error) {
    throw plainFirebaseError(error);
  }
  await checkSameMember(member.uid);
}

export async function reauthenticateWithProvider(member: { uid: string }, provider: Provider): Promise<void> {
  try {
    await signInWithProvider(provider);
  } catch (error) {
    throw plainFirebaseError(error);
  }
  await checkSameMember(member.uid);
}
