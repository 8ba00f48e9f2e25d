import { permissionsForRoles } from '@plaza/contracts';
import type { AuthUser } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { applyProfileChanges, meResponse, newProfile, publicProfile, type AuthAccount } from './profile.ts';

const user = (claims: Record<string, unknown> = {}): AuthUser => ({
  uid: 'u1',
  email: 'ada@example.com',
  emailVerified: false,
  roles: ['member'],
  permissions: permissionsForRoles(['member']),
  claims,
});

const account: AuthAccount = {
  email: 'ada@example.com',
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastSignInAt: '2026-01-03T00:00:00.000Z',
};

describe('newProfile', () => {
  it('takes the display name from the token, trimmed, or none', () => {
    const now = new Date('2026-01-02T03:04:05.000Z');
    expect(newProfile(user({ name: ' Ada ' }), now)).toEqual({
      uid: 'u1',
      email: 'ada@example.com',
      username: null,
      displayName: 'Ada',
      avatarUrl: null,
      bio: null,
      createdAt: '2026-01-02T03:04:05.000Z',
      disabled: false,
    });
    expect(newProfile(user({ name: '  ' }), now).displayName).toBeNull();
    expect(newProfile(user({ name: 7 }), now).displayName).toBeNull();
  });
});

describe('applyProfileChanges', () => {
  const profile = { ...newProfile(user({ name: 'Ada' }), new Date()), bio: 'Poet of science' };

  it('keeps absent fields, removes null ones, and reads an empty bio as none', () => {
    expect(applyProfileChanges(profile, { username: 'ada' })).toEqual({ ...profile, username: 'ada' });
    expect(applyProfileChanges(profile, { displayName: null, avatarUrl: 'https://example.com/a.png' })).toEqual({
      ...profile,
      displayName: null,
      avatarUrl: 'https://example.com/a.png',
    });
    expect(applyProfileChanges(profile, { bio: '' }).bio).toBeNull();
    expect(applyProfileChanges(profile, {})).toEqual(profile);
  });
});

describe('meResponse', () => {
  it('answers with what the token authorized, and the account facts from Auth', () => {
    const profile = newProfile(user(), new Date('2026-01-02T03:04:05.000Z'));
    const me = meResponse(profile, user(), account);
    expect(me.roles).toEqual(['member']);
    expect(me.permissions).toEqual([...permissionsForRoles(['member'])].sort());
    // Auth's record is fresher than the token, which predates the verification here.
    expect(me.emailVerified).toBe(true);
    expect(me).toMatchObject({ createdAt: account.createdAt, lastSignInAt: account.lastSignInAt, username: null });
    expect(meResponse(profile, user(), { ...account, createdAt: null }).createdAt).toBe(profile.createdAt);
  });
});

describe('publicProfile', () => {
  const profile = { ...newProfile(user({ name: 'Ada' }), new Date('2026-01-02T03:04:05.000Z')), username: 'ada' };

  it('shows no email', () => {
    expect(publicProfile(profile)).toEqual({
      uid: 'u1',
      username: 'ada',
      displayName: 'Ada',
      avatarUrl: null,
      bio: null,
      createdAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('hides a profile without a username, and a disabled one', () => {
    expect(publicProfile({ ...profile, username: null })).toBeUndefined();
    expect(publicProfile({ ...profile, disabled: true })).toBeUndefined();
  });
});
