import { ProblemError } from '@plaza/runtime';
import { IdentityToolkitError } from './identity-toolkit.ts';

/** A code that is unknown, already used, or for another kind of action: the same answer for all three. */
export function invalidActionCode(detail = 'This link is invalid or has already been used; ask for a new one.'): ProblemError {
  return new ProblemError(400, 'validation_failed', detail, {
    errors: [{ path: 'body.oobCode', message: 'is invalid or has already been used' }],
  });
}

/**
 * What an Identity Toolkit error means for the person who clicked the link or typed the
 * password. Anything not listed is our fault (a bad API key, an unexpected answer) and stays an
 * error, which the service logs and answers as a 500.
 */
export function problemForIdentityToolkit(error: unknown): unknown {
  if (!(error instanceof IdentityToolkitError)) return error;
  switch (error.reason) {
    // USER_NOT_FOUND and EMAIL_NOT_FOUND: the account the code was for is gone.
    case 'INVALID_OOB_CODE':
    case 'MISSING_OOB_CODE':
    case 'USER_NOT_FOUND':
    case 'EMAIL_NOT_FOUND':
      return invalidActionCode();
    case 'EXPIRED_OOB_CODE':
      return new ProblemError(410, 'validation_failed', 'This link has expired; ask for a new one.', {
        errors: [{ path: 'body.oobCode', message: 'has expired' }],
      });
    case 'WEAK_PASSWORD':
    case 'PASSWORD_DOES_NOT_MEET_REQUIREMENTS':
      return new ProblemError(400, 'validation_failed', 'The new password is too weak.', {
        errors: [{ path: 'body.newPassword', message: 'is too weak' }],
      });
    case 'EMAIL_EXISTS':
      return new ProblemError(409, 'conflict', 'That email address already belongs to another account.');
    case 'USER_DISABLED':
      return new ProblemError(403, 'forbidden', 'This account is disabled.');
    case 'TOO_MANY_ATTEMPTS_TRY_LATER':
      return new ProblemError(429, 'rate_limited', 'Too many attempts; try again in a minute.', {
        headers: { 'Retry-After': '60' },
      });
    default:
      return error;
  }
}

/** Runs an Identity Toolkit call, turning its errors into problems. */
export async function withToolkitProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw problemForIdentityToolkit(error);
  }
}
