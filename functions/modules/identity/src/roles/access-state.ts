import { defaultRoles, roles as knownRoles, type AccessState, type AssignableRole, type Role } from '@plaza/contracts';

/**
 * What an account may do. Every account is a member, so `roles` always holds `member`; the
 * other roles come and go. Kept in a canonical order so two states compare with `sameAccess`.
 */
export function accessState(roles: Iterable<Role>, flags: { disabled?: boolean; deleted?: boolean } = {}): AccessState {
  const held = new Set<Role>([...defaultRoles, ...roles]);
  return {
    roles: knownRoles.filter((role) => held.has(role)),
    disabled: flags.disabled ?? false,
    deleted: flags.deleted ?? false,
  };
}

/**
 * The state of an account identity has never recorded: what its custom claims say. This is how
 * the first admin exists (an operator sets the claim; see the identity README), and how accounts
 * whose roles predate the access collection are taken over: the first admin action on them
 * writes the record, and from then on Firestore decides.
 */
export function accessStateFromClaims(claims: Readonly<Record<string, unknown>> | undefined, disabled: boolean): AccessState {
  const claimed = claims?.['roles'];
  const roles = Array.isArray(claimed) ? claimed.filter((role): role is Role => (knownRoles as readonly unknown[]).includes(role)) : [];
  return accessState(roles, { disabled });
}

export function withRole(state: AccessState, role: AssignableRole): AccessState {
  return accessState([...state.roles, role], state);
}

export function withoutRole(state: AccessState, role: AssignableRole): AccessState {
  return accessState(
    state.roles.filter((held) => held !== role),
    state,
  );
}

export function sameAccess(a: AccessState, b: AccessState): boolean {
  return a.disabled === b.disabled && a.deleted === b.deleted && a.roles.join() === b.roles.join();
}

/** An admin who can act: holds the role and is neither deactivated nor deleted. */
export function isActiveAdmin(state: AccessState): boolean {
  return state.roles.includes('admin') && !state.disabled && !state.deleted;
}

/**
 * Moderators keep members in line; only an admin may suspend a moderator or another admin, so a
 * moderator can never lock out the people above them.
 */
export function maySuspend(actorRoles: readonly Role[], target: AccessState): boolean {
  if (actorRoles.includes('admin')) return true;
  return target.roles.every((role) => role === 'member');
}

/** What changed for the worse: a role taken away, or the account disabled or deleted. */
export function removesPrivileges(before: AccessState, after: AccessState): boolean {
  return (
    before.roles.some((role) => !after.roles.includes(role)) || (!before.disabled && after.disabled) || (!before.deleted && after.deleted)
  );
}
