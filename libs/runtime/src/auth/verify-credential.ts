import type { AuthUser } from './auth-user.ts';
import type { Credential } from './credential.ts';
import { firebaseAuth } from '../firebase/firebase-auth.ts';
import { ProblemError } from '../http/problem-error.ts';
import { userFromClaims } from './user-from-claims.ts';

/**
 * Verifies a credential with firebase-admin (signature, issuer, audience, expiry; against the
 * Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is set). Returns the user and the token's
 * expiry in milliseconds.
 */
export async function verifyCredential(credential: Credential): Promise<{ user: AuthUser; expiresAt: number }> {
  const auth = await firebaseAuth();
  try {
    const claims =
      credential.kind === 'idToken' ? await auth.verifyIdToken(credential.value) : await auth.verifySessionCookie(credential.value);
    return { user: userFromClaims(claims), expiresAt: claims.exp * 1000 };
  } catch (error) {
    throw problemForVerificationError(error);
  }
}

function problemForVerificationError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('auth/')) return error;
  // The SDK reports a failure to fetch Google's public keys as an internal error: our
  // problem, not the caller's, and worth a retry.
  if (code === 'auth/internal-error') {
    return new ProblemError(503, 'unavailable', 'Credentials cannot be verified right now.', { headers: { 'Retry-After': '1' } });
  }
  return new ProblemError(401, 'unauthenticated', 'The credential is invalid or expired.', {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });
}
