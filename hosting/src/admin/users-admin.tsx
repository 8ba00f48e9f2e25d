'use client';
import { expectOk } from '@plaza/api-client';
import Link from 'next/link';
import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useMe, useSession } from '../session/session-context.tsx';
import { Field } from '../ui/field.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { SelectField } from './select-field.tsx';
import { endsOwnSession, type UserAction } from './user-actions.ts';
import { UserRow } from './user-row.tsx';
import { emptySearch, usersQuery, type AdminUser, type RoleFilter, type SuspendedFilter, type UserSearch } from './user-search.ts';
import { usePagedList } from './use-paged-list.ts';
import styles from './admin.module.css';

const roleOptions = [
  { value: '', label: 'Any role' },
  { value: 'member', label: 'Member' },
  { value: 'moderator', label: 'Moderator' },
  { value: 'admin', label: 'Admin' },
] as const;

const suspendedOptions = [
  { value: '', label: 'Active or suspended' },
  { value: 'false', label: 'Active only' },
  { value: 'true', label: 'Suspended only' },
] as const;

/** The users page: search, filter, page through accounts and change their roles and suspension. */
export function UsersAdmin() {
  const me = useMe();
  const { refresh } = useSession();
  const [draft, setDraft] = useState<UserSearch>(emptySearch);
  const [search, setSearch] = useState<UserSearch>(emptySearch);
  const [announcement, setAnnouncement] = useState('');

  const fetchPage = useCallback(
    (cursor: string | undefined) => expectOk(api.GET('/v1/admin/users', { params: { query: usersQuery(search, cursor) } })),
    [search],
  );
  const list = usePagedList<AdminUser>(fetchPage);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAnnouncement('');
    // A new object even when nothing changed, so "Search" again reloads.
    setSearch({ ...draft });
  };
  const onChanged = (user: AdminUser, action: UserAction, message: string) => {
    list.replace((existing) => existing.uid === user.uid, user);
    setAnnouncement(message);
    // The API revoked this session: reading it again finds it gone and RequireSession signs in again.
    if (endsOwnSession(action, user, me.uid)) void refresh();
  };

  return (
    <>
      <h1>Users</h1>
      {me.permissions.includes('audit:read') ? <p><Link href="/admin/audit/">Open the audit log</Link></p> : null}
      <form role="search" aria-label="Find users" className={styles.filters} onSubmit={onSubmit}>
        <div className={styles.wide}>
          <Field
            label="Search"
            type="search"
            name="search"
            autoComplete="off"
            maxLength={320}
            hint="An email or a uid finds that account. Anything else finds usernames and display names starting with it (type @name for a username, uid:… for a short uid)."
            value={draft.text}
            onChange={(event) => setDraft({ ...draft, text: event.target.value })}
          />
        </div>
        <SelectField label="Role" name="role" options={roleOptions} value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.target.value as RoleFilter })} />
        <SelectField
          label="Suspension"
          name="suspended"
          options={suspendedOptions}
          value={draft.suspended}
          onChange={(event) => setDraft({ ...draft, suspended: event.target.value as SuspendedFilter })}
        />
        <div className="actions">
          <button type="submit">Search</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(emptySearch);
              setSearch({ ...emptySearch });
            }}
          >
            Clear
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" data-testid="admin-announcement">
        {announcement ? <p className="ok">{announcement}</p> : null}
      </div>

      {list.items === undefined ? (
        list.error ? (
          <>
            <ProblemMessage error={list.error} />
            <button type="button" className="secondary" onClick={list.reload}>Try again</button>
          </>
        ) : (
          <Loading label="Loading users…" />
        )
      ) : list.items.length === 0 && !list.nextCursor ? (
        <EmptyState title="No users found">{!search.text.trim() && !search.role && !search.suspended ? 'There are no accounts yet.' : 'Nobody matches this search and these filters.'}</EmptyState>
      ) : (
        <>
          {list.items.length > 0 ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Users, scrolls sideways">
              <table className={styles.table}>
                <caption>{list.items.length} shown{list.nextCursor ? ', more to load' : ''}</caption>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Display name</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last sign-in</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((user) => (
                    <UserRow key={user.uid} user={user} me={me} onChanged={onChanged} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">None on this page match; load more to keep looking.</p>
          )}
          <ProblemMessage error={list.moreError} />
          {list.nextCursor ? (
            <div className={styles.more}>
              <button type="button" className="secondary" aria-disabled={list.loadingMore || undefined} onClick={list.loadMore}>
                {list.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
