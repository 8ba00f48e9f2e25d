import { ProblemError } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { problemForIdentityToolkit } from './action-code-problems.ts';
import { IdentityToolkitError } from './identity-toolkit.ts';

const problemFor = (reason: string) => problemForIdentityToolkit(new IdentityToolkitError(reason, 400, reason)) as ProblemError;

describe('problemForIdentityToolkit', () => {
  it.each([
    ['INVALID_OOB_CODE', 400, 'validation_failed', 'body.oobCode'],
    ['USER_NOT_FOUND', 400, 'validation_failed', 'body.oobCode'],
    ['EXPIRED_OOB_CODE', 410, 'validation_failed', 'body.oobCode'],
    ['WEAK_PASSWORD', 400, 'validation_failed', 'body.newPassword'],
    ['PASSWORD_DOES_NOT_MEET_REQUIREMENTS', 400, 'validation_failed', 'body.newPassword'],
  ])('%s is a %i %s naming %s', (reason, status, code, path) => {
    const problem = problemFor(reason);
    expect(problem).toBeInstanceOf(ProblemError);
    expect(problem).toMatchObject({ status, code, extra: { errors: [{ path }] } });
  });

  it.each([
    ['EMAIL_EXISTS', 409, 'conflict'],
    ['USER_DISABLED', 403, 'forbidden'],
    ['TOO_MANY_ATTEMPTS_TRY_LATER', 429, 'rate_limited'],
  ])('%s is a %i %s', (reason, status, code) => {
    expect(problemFor(reason)).toMatchObject({ status, code });
  });

  it('leaves what it does not know, and other errors, as they are (logged, 500)', () => {
    const misconfigured = new IdentityToolkitError('API_KEY_INVALID', 400, 'API key not valid');
    expect(problemForIdentityToolkit(misconfigured)).toBe(misconfigured);
    const other = new Error('boom');
    expect(problemForIdentityToolkit(other)).toBe(other);
  });
});
