import { describe, expect, it } from 'vitest';
import {
  accessDiff,
  auditFiltersFrom,
  auditHref,
  auditQuery,
  describeAction,
  describeChange,
  namedEntries,
  personLabel,
  type AccessState,
  type AuditEntry,
} from './audit-entry.ts';

const member: AccessState = { roles: ['member'], disabled: false, deleted: false };
const moderator: AccessState = { roles: ['member', 'moderator'], disabled: false, deleted: false };

describe('describeAction', () => {
  it('names the role granted or revoked', () => {
    expect(describeAction({ action: 'role.assigned', before: member, after: moderator })).toBe('granted moderator');
    expect(describeAction({ action: 'role.revoked', before: { ...moderator, roles: ['member', 'moderator', 'admin'] }, after: moderator })).toBe('revoked admin');
  });
  it('still says something when the states do not show the role', () => {
    expect(describeAction({ action: 'role.assigned', before: member, after: member })).toBe('granted a role');
    expect(describeAction({ action: 'role.revoked', before: member, after: member })).toBe('revoked a role');
  });
  it('describes suspension and deletion', () => {
    expect(describeAction({ action: 'user.deactivated', before: member, after: { ...member, disabled: true } })).toBe('suspended the account');
    expect(describeAction({ action: 'user.reactivated', before: { ...member, disabled: true }, after: member })).toBe('reactivated the account');
    expect(describeAction({ action: 'user.deleted', before: member, after: { ...member, disabled: true, deleted: true } })).toBe('deleted the account');
  });
});

describe('accessDiff', () => {
  it('is empty when nothing changed (roles in any order)', () => {
    expect(accessDiff(moderator, { ...moderator, roles: ['moderator', 'member'] })).toEqual([]);
  });
  it('lists each changed field', () => {
    expect(accessDiff(member, moderator)).toEqual([{ field: 'roles', before: 'member', after: 'member, moderator' }]);
    expect(accessDiff(member, { ...member, disabled: true, deleted: true }).map(describeChange)).toEqual(['suspended: no → yes', 'deleted: no → yes']);
  });
});

describe('auditQuery', () => {
  it('sends only the filters given', () => {
    expect(auditQuery({ actor: ' ', target: '', action: '' })).toEqual({ limit: 25 });
    expect(auditQuery({ actor: ' a1 ', target: 't1', action: 'role.revoked' }, 'c', 5)).toEqual({ limit: 5, actor: 'a1', target: 't1', action: 'role.revoked', cursor: 'c' });
  });
});

describe('auditFiltersFrom and auditHref', () => {
  it('round-trip the filters through the address', () => {
    expect(auditHref({})).toBe('/admin/audit/');
    const href = auditHref({ target: 'uid 1', action: 'user.deleted' });
    expect(href).toBe('/admin/audit/?target=uid+1&action=user.deleted');
    expect(auditFiltersFrom(href.slice(href.indexOf('?')))).toEqual({ actor: '', target: 'uid 1', action: 'user.deleted' });
  });
  it('ignores an unknown action', () => {
    expect(auditFiltersFrom('?action=drop.tables')).toEqual({ actor: '', target: '', action: '' });
  });
});

describe('personLabel', () => {
  it('names a person by display name and email, either alone, or says the account is gone', () => {
    expect(personLabel({ displayName: 'Ada Lovelace', email: 'ada@plaza.test' })).toBe('Ada Lovelace (ada@plaza.test)');
    expect(personLabel({ displayName: null, email: 'ada@plaza.test' })).toBe('ada@plaza.test');
    expect(personLabel({ displayName: 'Ada Lovelace', email: null })).toBe('Ada Lovelace');
    expect(personLabel({ displayName: null, email: null })).toBe('an account without a name or email');
    expect(personLabel(undefined)).toBe('a deleted account');
  });
});

describe('namedEntries', () => {
  it("looks up each entry's actor and target in the page's people", () => {
    const entry: AuditEntry = { id: 'e1', action: 'role.assigned', actorUid: 'a', targetUid: 'b', before: member, after: moderator, at: '2026-01-01T00:00:00.000Z', requestId: 'r' };
    const grace = { email: 'grace@plaza.test', displayName: null };
    expect(namedEntries({ items: [entry], people: { a: grace }, nextCursor: 'next' })).toEqual({
      items: [{ entry, actor: grace, target: undefined }],
      nextCursor: 'next',
    });
  });
});
