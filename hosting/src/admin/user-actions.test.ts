import { describe, expect, it } from 'vitest';
import { describeOutcome, describeRoles, endsOwnSession, userActions } from './user-actions.ts';
import type { AdminUser } from './user-search.ts';

const ada: AdminUser = {
  uid: 'ada-uid',
  email: 'ada@plaza.test',
  displayName: 'Ada',
  roles: ['member', 'moderator'],
  disabled: false,
  createdAt: null,
  lastSignInAt: null,
};

describe('userActions', () => {
  it('offers nothing without the permissions', () => {
    expect(userActions(ada, ['users:read'])).toEqual([]);
  });
  it('offers grant or revoke per role with roles:assign', () => {
    expect(userActions(ada, ['users:read', 'roles:assign']).map((action) => action.ariaLabel)).toEqual([
      'Revoke moderator for ada@plaza.test',
      'Grant admin for ada@plaza.test',
    ]);
  });
  it('offers suspend or reactivate with users:suspend', () => {
    expect(userActions(ada, ['users:suspend'])).toEqual([{ slot: 'suspension', kind: 'suspend', label: 'Suspend', ariaLabel: 'Suspend for ada@plaza.test' }]);
    expect(userActions({ ...ada, disabled: true, email: null }, ['users:suspend'])).toEqual([
      { slot: 'suspension', kind: 'reactivate', label: 'Reactivate', ariaLabel: 'Reactivate for ada-uid' },
    ]);
  });
});

describe('describeOutcome', () => {
  it('says what changed, about whom', () => {
    const [revokeModerator, grantAdmin, suspend] = userActions(ada, ['roles:assign', 'users:suspend']);
    expect(describeOutcome(revokeModerator!, ada)).toBe('ada@plaza.test is no longer a moderator.');
    expect(describeOutcome(grantAdmin!, ada)).toBe('ada@plaza.test is now an admin.');
    expect(describeOutcome(suspend!, ada)).toBe('ada@plaza.test is suspended.');
    const [reactivate] = userActions({ ...ada, disabled: true }, ['users:suspend']);
    expect(describeOutcome(reactivate!, ada)).toBe('ada@plaza.test is active again.');
  });
});

describe('endsOwnSession', () => {
  it('is true for a removal on the viewer themself only', () => {
    const [revoke, grant, suspend] = userActions(ada, ['roles:assign', 'users:suspend']);
    expect(endsOwnSession(revoke!, ada, 'ada-uid')).toBe(true);
    expect(endsOwnSession(suspend!, ada, 'ada-uid')).toBe(true);
    expect(endsOwnSession(grant!, ada, 'ada-uid')).toBe(false);
    expect(endsOwnSession(revoke!, ada, 'someone-else')).toBe(false);
  });
});

describe('describeRoles', () => {
  it('leaves out member unless it is all there is', () => {
    expect(describeRoles(['member'])).toBe('member');
    expect(describeRoles(['member', 'moderator', 'admin'])).toBe('moderator, admin');
  });
});
