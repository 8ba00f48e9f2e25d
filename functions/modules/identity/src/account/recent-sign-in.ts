import { ProblemError } from '@plaza/runtime';

/** How recent a sign-in must be for changes that could hand the account to someone else. */
export const recentSignInMs = 5 * 60_000;

/**
 * A 401 `reauthentication_required` unless the token's `auth_time` (when the person last
 * entered their credentials, not when the token was refreshed) is within `maxAgeMs`. A stolen
 * but refreshable session should not be enough to move the account to another address.
 */
export function assertRecentSignIn(claims: Readonly<Record<string, unknown>>, now = Date.now(), maxAgeMs = recentSignInMs): void {
  const authTime = claims['auth_time'];
  const signedInAt = typeof authTime === 'number' ? authTime * 1000 : undefined;
  if (signedInAt !== undefined && now - signedInAt <= maxAgeMs) return;
  throw new ProblemError(
    401,
    'reauthentication_required',
    `Sign in again to do this: it needs a sign-in from the last ${Math.round(maxAgeMs / 60_000)} minutes.`,
  );
}
