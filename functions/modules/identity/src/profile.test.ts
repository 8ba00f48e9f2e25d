import { permissionsForRoles } from '@plaza/contracts';
import type { AuthUser } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { meResponse, newProfile } from './profile.ts';

const user = (claims: Record<string, unknown> = {}): AuthUser => ({
  uid: 'u1',
  email: 'ada@example.com',
  emailVerified: true,
  roles: ['member'],
  permissions: permissionsForRoles(['member']),
  claims,
});

describe('newProfile', () => {
  it('takes the display name from the token, trimmed, or none', () => {
    const now = new Date('2026-01-02T03:04:05.000Z');
    expect(newProfile(user({ name: ' Ada ' }), now)).toEqual({
      uid: 'u1',
      email: 'ada@example.com',
      displayName: 'Ada',
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    expect(newProfile(user({ name: '  ' }), now).displayName).toBeNull();
    expect(newProfile(user({ name: 7 }), now).displayName).toBeNull();
  });
});

describe('meResponse', () => {
  it('answers with what the token authorized, sorted for stable output', () => {
    const profile = newProfile(user(), new Date('2026-01-02T03:04:05.000Z'));
    const me = meResponse(profile, user());
    expect(me.roles).toEqual(['member']);
    expect(me.permissions).toEqual([...permissionsForRoles(['member'])].sort());
    expect(me.createdAt).toBe(profile.createdAt);
  });
});
