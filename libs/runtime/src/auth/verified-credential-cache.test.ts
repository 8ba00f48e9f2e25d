import { permissionsForRoles } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import type { AuthUser } from './auth-user.ts';
import { VerifiedCredentialCache } from './verified-credential-cache.ts';

const userWith = (uid: string): AuthUser => ({
  uid,
  email: null,
  emailVerified: false,
  roles: ['member'],
  permissions: permissionsForRoles(['member']),
  claims: {},
});
const user = userWith('u1');

describe('VerifiedCredentialCache', () => {
  it('serves an entry for at most its max age', () => {
    const cache = new VerifiedCredentialCache(60_000);
    cache.set('t', user, 10_000_000, 0);
    expect(cache.get('t', 59_999)).toBe(user);
    expect(cache.get('t', 60_000)).toBeUndefined();
  });

  it('never serves a token past its own expiry', () => {
    const cache = new VerifiedCredentialCache(60_000);
    cache.set('t', user, 5_000, 0);
    expect(cache.get('t', 4_999)).toBe(user);
    expect(cache.get('t', 5_000)).toBeUndefined();
    cache.set('expired', user, 1_000, 2_000);
    expect(cache.get('expired', 2_000)).toBeUndefined();
  });

  it('forgets the oldest entry when full', () => {
    const cache = new VerifiedCredentialCache(60_000, 2);
    cache.set('a', user, 50_000, 0);
    cache.set('b', user, 50_000, 0);
    cache.set('c', user, 50_000, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, user, user]);
  });

  it('forgets every credential of one user, and only theirs', () => {
    const cache = new VerifiedCredentialCache(60_000);
    const other = userWith('u2');
    cache.set('phone', user, 50_000, 0);
    cache.set('laptop', user, 50_000, 0);
    cache.set('theirs', other, 50_000, 0);
    cache.forgetUser('u1');
    expect([cache.get('phone', 1), cache.get('laptop', 1), cache.get('theirs', 1)]).toEqual([undefined, undefined, other]);
    // A credential verified again afterwards is cached again.
    cache.set('phone', user, 50_000, 2);
    expect(cache.get('phone', 3)).toBe(user);
  });
});
