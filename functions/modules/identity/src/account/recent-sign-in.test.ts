import { describe, expect, it } from 'vitest';
import { assertRecentSignIn } from './recent-sign-in.ts';

const now = Date.parse('2026-01-01T12:00:00Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('assertRecentSignIn', () => {
  it('lets a sign-in of the last five minutes through', () => {
    expect(() => assertRecentSignIn({ auth_time: seconds(now) }, now)).not.toThrow();
    expect(() => assertRecentSignIn({ auth_time: seconds(now - 5 * 60_000) }, now)).not.toThrow();
  });

  it('asks an older, or unknown, sign-in to sign in again', () => {
    for (const claims of [{ auth_time: seconds(now - 5 * 60_000 - 1000) }, {}, { auth_time: 'yesterday' }]) {
      expect(() => assertRecentSignIn(claims, now)).toThrow(expect.objectContaining({ status: 401, code: 'reauthentication_required' }));
    }
  });
});
