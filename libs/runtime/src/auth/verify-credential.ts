import type { ProblemCode } from '@plaza/contracts';
import type { AuthUser } from './auth-user.ts';
import type { Credential } from './credential.ts';
import { firebaseAuth } from '../firebase/firebase-auth.ts';
import { ProblemError } from '../http/problem-error.ts';
import { clearedSessionCookieHeader } from './session-cookie.ts';
import { userFromClaims } from './user-from-claims.ts';

/**
 * Verifies a credential with firebase-admin: signature, issuer, audience, expiry, and (with
 * `checkRevoked`, one Auth lookup) that the account still exists, is not disabled and has not
 * revoked its sessions since the sign-in. Against the Auth emulator when
 * FIREBASE_AUTH_EMULATOR_HOST is set. Returns the user and the token's expiry in milliseconds.
 */
export async function verifyCredential(credential: Credential): Promise<{ user: AuthUser; expiresAt: number }> {
  const auth = await firebaseAuth();
  try {
    const claims =
      credential.kind === 'idToken'
        ? await auth.verifyIdToken(credential.value, true)
        : await auth.verifySessionCookie(credential.value, true);
    return { user: userFromClaims(claims), expiresAt: claims.exp * 1000 };
  } catch (error) {
    throw problemForVerificationError(error, credential);
  }
}

const refusals: Record<string, { code: ProblemCode; detail: string }> = {
  'auth/id-token-revoked': { code: 'session_revoked', detail: 'The sessions of this account were revoked: sign in again.' },
  'auth/session-cookie-revoked': { code: 'session_revoked', detail: 'The sessions of this account were revoked: sign in again.' },
  'auth/user-disabled': { code: 'account_disabled', detail: 'This account is disabled.' },
};

function problemForVerificationError(error: unknown, credential: Credential): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('auth/')) return error;
  // The SDK reports a failure to fetch Google's public keys, or to look the user up, as an
  // internal error: our problem, not the caller's, and worth a retry.
  if (code === 'auth/internal-error') {
    return new ProblemError(503, 'unavailable', 'Credentials cannot be verified right now.', { headers: { 'Retry-After': '1' } });
  }
  // A deleted account (auth/user-not-found) is as unknown as a forged token.
  const refusal = refusals[code] ?? { code: 'unauthenticated', detail: 'The credential is invalid or expired.' };
  return new ProblemError(401, refusal.code, refusal.detail, {
    headers: {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
      // A cookie we refuse is dropped, so the browser stops sending it and can sign in afresh.
      ...(credential.kind === 'sessionCookie' ? { 'Set-Cookie': clearedSessionCookieHeader } : {}),
    },
  });
}
