'use client';
import { expectOk } from '@plaza/api-client';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../api.ts';
import type { Me } from '../session/session-context.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import { auditHref } from './audit-entry.ts';
import { formatWhen } from './format.ts';
import { describeOutcome, describeRoles, userActions, type UserAction } from './user-actions.ts';
import type { AdminUser } from './user-search.ts';
import styles from './admin.module.css';

function run(action: UserAction, uid: string): Promise<AdminUser> {
  const path = { uid };
  switch (action.kind) {
    case 'grant':
      return expectOk(api.PUT('/v1/admin/users/{uid}/roles/{role}', { params: { path: { uid, role: action.role } } }));
    case 'revoke':
      return expectOk(api.DELETE('/v1/admin/users/{uid}/roles/{role}', { params: { path: { uid, role: action.role } } }));
    case 'suspend':
      return expectOk(api.POST('/v1/admin/users/{uid}/deactivate', { params: { path } }));
    case 'reactivate':
      return expectOk(api.POST('/v1/admin/users/{uid}/reactivate', { params: { path } }));
  }
}

interface UserRowProps {
  user: AdminUser;
  me: Me;
  /** Called with the account the API answered and the sentence to announce. */
  onChanged: (user: AdminUser, action: UserAction, message: string) => void;
}

/** One account: who, which roles, whether suspended, and the buttons the viewer may press. */
export function UserRow({ user, me, onChanged }: UserRowProps) {
  const actions = userActions(user, me.permissions);
  const [pending, setPending] = useState<string>();
  const { act, busy, error } = useAction(async (action: UserAction) => {
    setPending(action.label);
    try {
      const changed = await run(action, user.uid);
      onChanged(changed, action, describeOutcome(action, changed));
    } finally {
      setPending(undefined);
    }
  });
  return (
    <tr data-testid={`user-${user.uid}`} aria-busy={busy || undefined}>
      <td>
        {user.email ?? <span className="muted">No email</span>}
        <div className={`muted ${styles.uid}`}><code>{user.uid}</code>{user.uid === me.uid ? ' (you)' : ''}</div>
      </td>
      <td>{user.displayName ?? <span className="muted">—</span>}</td>
      <td>{describeRoles(user.roles)}</td>
      <td>{user.disabled ? <span className={styles.suspended}>Suspended</span> : 'Active'}</td>
      <td className={styles.nowrap}>{user.createdAt ? <time dateTime={user.createdAt}>{formatWhen(user.createdAt)}</time> : '—'}</td>
      <td className={styles.nowrap}>{user.lastSignInAt ? <time dateTime={user.lastSignInAt}>{formatWhen(user.lastSignInAt)}</time> : 'Never'}</td>
      <td>
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action.slot}
              type="button"
              className={action.kind === 'suspend' ? 'danger' : 'secondary'}
              aria-label={action.ariaLabel}
              // aria-disabled, not disabled: a disabled button drops the keyboard focus.
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void act(action);
              }}
            >
              {pending === action.label ? `${action.label}…` : action.label}
            </button>
          ))}
          {me.permissions.includes('audit:read') ? (
            <Link href={auditHref({ target: user.uid })} aria-label={`History of ${user.email ?? user.uid}`}>History</Link>
          ) : null}
        </div>
        <ProblemMessage error={error} />
      </td>
    </tr>
  );
}
