import type { operations, Schema } from '@plaza/api-client';
import type { Page } from './use-paged-list.ts';

export type AuditEntry = Schema<'AuditEntry'>;
export type AuditPerson = Schema<'AuditPerson'>;
export type AuditList = Schema<'AuditList'>;
export type AuditAction = Schema<'AuditAction'>;
export type AccessState = Schema<'AccessState'>;
export type AuditQuery = NonNullable<operations['adminListAudit']['parameters']['query']>;

export const auditActions: readonly { value: AuditAction; label: string }[] = [
  { value: 'role.assigned', label: 'Role granted' },
  { value: 'role.revoked', label: 'Role revoked' },
  { value: 'user.deactivated', label: 'Account suspended' },
  { value: 'user.reactivated', label: 'Account reactivated' },
  { value: 'user.deleted', label: 'Account deleted' },
];

function added(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((role) => !before.includes(role));
}

/** An entry's action in words, naming the role from the before/after states: "granted moderator". */
export function describeAction(entry: Pick<AuditEntry, 'action' | 'before' | 'after'>): string {
  switch (entry.action) {
    case 'role.assigned': {
      const roles = added(entry.before.roles, entry.after.roles);
      return roles.length ? `granted ${roles.join(' and ')}` : 'granted a role';
    }
    case 'role.revoked': {
      const roles = added(entry.after.roles, entry.before.roles);
      return roles.length ? `revoked ${roles.join(' and ')}` : 'revoked a role';
    }
    case 'user.deactivated':
      return 'suspended the account';
    case 'user.reactivated':
      return 'reactivated the account';
    case 'user.deleted':
      return 'deleted the account';
    default:
      return String(entry.action);
  }
}

export interface AccessChange {
  field: 'roles' | 'suspended' | 'deleted';
  before: string;
  after: string;
}

function rolesText(roles: readonly string[]): string {
  return roles.length ? roles.join(', ') : 'none';
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** What differs between two access states, field by field (roles compared as sets). */
export function accessDiff(before: AccessState, after: AccessState): AccessChange[] {
  const changes: AccessChange[] = [];
  const sameRoles = before.roles.length === after.roles.length && before.roles.every((role) => after.roles.includes(role));
  if (!sameRoles) changes.push({ field: 'roles', before: rolesText(before.roles), after: rolesText(after.roles) });
  if (before.disabled !== after.disabled) changes.push({ field: 'suspended', before: yesNo(before.disabled), after: yesNo(after.disabled) });
  if (before.deleted !== after.deleted) changes.push({ field: 'deleted', before: yesNo(before.deleted), after: yesNo(after.deleted) });
  return changes;
}

/** One change as a line of text: "roles: member → member, moderator". */
export function describeChange(change: AccessChange): string {
  return `${change.field}: ${change.before} → ${change.after}`;
}

export interface AuditFilters {
  actor: string;
  target: string;
  action: '' | AuditAction;
}

export const emptyAuditFilters: AuditFilters = { actor: '', target: '', action: '' };

/** The `GET /v1/admin/audit` query for the filters and an optional page cursor. */
export function auditQuery(filters: AuditFilters, cursor?: string, limit = 25): AuditQuery {
  const actor = filters.actor.trim();
  const target = filters.target.trim();
  return {
    limit,
    ...(actor ? { actor } : {}),
    ...(target ? { target } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The filters a link to the log carries, `?actor=&target=&action=` (unknown actions ignored). */
export function auditFiltersFrom(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const action = params.get('action');
  return {
    actor: params.get('actor') ?? '',
    target: params.get('target') ?? '',
    action: auditActions.some((known) => known.value === action) ? (action as AuditAction) : '',
  };
}

/** The log's address for some filters, for a user row's "History" link. */
export function auditHref(filters: Partial<AuditFilters>): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'target', 'action'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/admin/audit/?${query}` : '/admin/audit/';
}

/** An entry with who its actor and target are now; undefined for an account deleted since. */
export interface NamedAuditEntry {
  entry: AuditEntry;
  actor: AuditPerson | undefined;
  target: AuditPerson | undefined;
}

/** A page of the log with each entry's people looked up in the page's `people`. */
export function namedEntries(page: AuditList): Page<NamedAuditEntry> {
  return {
    items: page.items.map((entry) => ({ entry, actor: page.people[entry.actorUid], target: page.people[entry.targetUid] })),
    nextCursor: page.nextCursor,
  };
}

/** How the log names a person: "Ada Lovelace (ada@plaza.test)", the name or the email alone, or what is left. */
export function personLabel(person: AuditPerson | undefined): string {
  if (!person) return 'a deleted account';
  if (person.displayName && person.email) return `${person.displayName} (${person.email})`;
  return person.displayName ?? person.email ?? 'an account without a name or email';
}
