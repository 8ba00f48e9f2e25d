import { firebaseAuth, ProblemError } from '@plaza/runtime';
import type { AuthAccount } from './profile.ts';

/** Auth's metadata times are UTC strings ("Sat, 03 Feb 2001 04:05:06 GMT") or null. */
function isoOrNull(utc: string | null | undefined): string | null {
  if (!utc) return null;
  const time = new Date(utc);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/**
 * The account as Firebase Auth records it: one Admin API call (getUser). GET /v1/me pays it on
 * every call, in parallel with the profile read, and caches nothing: the dashboard asks once a
 * page load, and a cache would serve a stale `emailVerified` right after the member verified,
 * which is the moment they look.
 */
export async function findAuthAccount(uid: string): Promise<AuthAccount> {
  try {
    const record = await (await firebaseAuth()).getUser(uid);
    return {
      email: record.email ?? null,
      emailVerified: record.emailVerified,
      createdAt: isoOrNull(record.metadata.creationTime),
      lastSignInAt: isoOrNull(record.metadata.lastSignInTime),
    };
  } catch (error) {
    // A valid token outliving its account (deleted since it was issued).
    if ((error as { code?: unknown }).code === 'auth/user-not-found') {
      throw new ProblemError(401, 'unauthenticated', 'This account no longer exists.');
    }
    throw error;
  }
}
