import { describe, expect, it } from 'vitest';
import { accessState, accessStateFromClaims, isActiveAdmin, maySuspend, removesPrivileges, sameAccess, withoutRole, withRole } from './access-state.ts';

describe('access states', () => {
  it('always hold member, in the canonical order, whatever order roles come in', () => {
    expect(accessState(['admin', 'moderator']).roles).toEqual(['member', 'moderator', 'admin']);
    expect(accessState([]).roles).toEqual(['member']);
    expect(withoutRole(withRole(accessState([]), 'admin'), 'admin')).toEqual(accessState([]));
  });

  it('take unrecorded accounts from their claims, ignoring roles this build does not know', () => {
    expect(accessStateFromClaims({ roles: ['admin', 'wizard'] }, false)).toEqual({ roles: ['member', 'admin'], disabled: false, deleted: false });
    expect(accessStateFromClaims(undefined, true)).toEqual({ roles: ['member'], disabled: true, deleted: false });
    expect(accessStateFromClaims({ roles: 'admin' }, false).roles).toEqual(['member']);
  });

  it('count an admin as active only while enabled and not deleted', () => {
    expect(isActiveAdmin(accessState(['admin']))).toBe(true);
    expect(isActiveAdmin(accessState(['admin'], { disabled: true }))).toBe(false);
    expect(isActiveAdmin(accessState(['admin'], { deleted: true }))).toBe(false);
    expect(isActiveAdmin(accessState(['moderator']))).toBe(false);
  });

  it('let moderators suspend members only, admins anyone', () => {
    expect(maySuspend(['member', 'moderator'], accessState([]))).toBe(true);
    expect(maySuspend(['member', 'moderator'], accessState(['moderator']))).toBe(false);
    expect(maySuspend(['member', 'moderator'], accessState(['admin']))).toBe(false);
    expect(maySuspend(['member', 'admin'], accessState(['admin']))).toBe(true);
  });

  it('know a removal (which revokes sessions) from a grant (which does not)', () => {
    const member = accessState([]);
    const moderator = withRole(member, 'moderator');
    expect(removesPrivileges(member, moderator)).toBe(false);
    expect(removesPrivileges(moderator, member)).toBe(true);
    expect(removesPrivileges(member, { ...member, disabled: true })).toBe(true);
    expect(removesPrivileges({ ...member, disabled: true }, member)).toBe(false);
    expect(removesPrivileges(member, { ...member, disabled: true, deleted: true })).toBe(true);
    expect(sameAccess(moderator, withRole(moderator, 'moderator'))).toBe(true);
  });
});
