import type { Permission } from '@plaza/contracts';
import { userLabel, type AdminUser } from './user-search.ts';

export type AssignableRole = 'moderator' | 'admin';

/**
 * One button on a user's row: what it does, in words the tests and screen readers both find.
 * `slot` stays the same when the button flips (grant ↔ revoke), so it keeps the keyboard focus.
 */
export type UserAction =
  | { slot: AssignableRole; kind: 'grant' | 'revoke'; role: AssignableRole; label: string; ariaLabel: string }
  | { slot: 'suspension'; kind: 'suspend' | 'reactivate'; label: string; ariaLabel: string };

const assignable: readonly AssignableRole[] = ['moderator', 'admin'];

/**
 * The buttons the viewer may press for a user: grant or revoke moderator and admin with
 * `roles:assign`, suspend or reactivate with `users:suspend`. Hiding is for people; the API
 * still refuses what the viewer may not do (a moderator suspending an admin is a 403).
 */
export function userActions(user: AdminUser, permissions: readonly Permission[]): UserAction[] {
  const who = userLabel(user);
  const actions: UserAction[] = [];
  if (permissions.includes('roles:assign')) {
    for (const role of assignable) {
      const kind = user.roles.includes(role) ? 'revoke' : 'grant';
      const label = `${kind === 'grant' ? 'Grant' : 'Revoke'} ${role}`;
      actions.push({ slot: role, kind, role, label, ariaLabel: `${label} for ${who}` });
    }
  }
  if (permissions.includes('users:suspend')) {
    const label = user.disabled ? 'Reactivate' : 'Suspend';
    actions.push({ slot: 'suspension', kind: user.disabled ? 'reactivate' : 'suspend', label, ariaLabel: `${label} for ${who}` });
  }
  return actions;
}

/** What the page announces after an action succeeded, from the account the API answered. */
export function describeOutcome(action: UserAction, user: AdminUser): string {
  const who = userLabel(user);
  switch (action.kind) {
    case 'grant':
      return `${who} is now ${action.role === 'admin' ? 'an admin' : 'a moderator'}.`;
    case 'revoke':
      return `${who} is no longer ${action.role === 'admin' ? 'an admin' : 'a moderator'}.`;
    case 'suspend':
      return `${who} is suspended.`;
    case 'reactivate':
      return `${who} is active again.`;
  }
}

/** Whether an action on the viewer's own account ends the viewer's session (the API revokes it). */
export function endsOwnSession(action: UserAction, user: AdminUser, viewerUid: string): boolean {
  return user.uid === viewerUid && (action.kind === 'revoke' || action.kind === 'suspend');
}

/** The roles a row shows: `member` is everyone's, so it is named only when it is the only one. */
export function describeRoles(roles: readonly string[]): string {
  const special = roles.filter((role) => role !== 'member');
  return special.length > 0 ? special.join(', ') : 'member';
}
