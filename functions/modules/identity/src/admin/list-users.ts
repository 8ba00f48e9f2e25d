import type { AdminUser, Role } from '@plaza/contracts';
import { firebaseAuth, ProblemError } from '@plaza/runtime';
import type { UserRecord } from 'firebase-admin/auth';
import { searchPrefixOf } from '../profiles/search-keys.ts';
import { searchUsers } from '../profiles/user-search.ts';
import { accessRepository } from '../roles/access-repository.ts';
import { adminUserView, profileNames } from './admin-user-view.ts';
import { usersCursor } from './users-cursor.ts';

export interface ListUsersQuery {
  limit: number;
  cursor?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  /** An exact uid or email address. */
  q?: string | undefined;
  /** A prefix of the username or display name (the profiles' search). */
  name?: string | undefined;
}

/**
 * A page of accounts. Moderators, admins and suspended accounts always have an access record
 * (identity writes one on the first change), so those filters query the access collection;
 * everyone else is a member, so `role=member` lists every account, from Firebase Auth, and
 * `disabled=false` keeps the enabled ones of each Auth page (a page may then be short; follow
 * `nextCursor`). `name` is the profiles' prefix search on username and display name (members
 * with a username; a deactivated member's profile is hidden from it, find them with
 * `disabled=true`), with role and suspension filters applied to each page; `q` finds one account
 * by exact uid or email, and answers it only if it passes the same filters.
 */
export async function listUsers(query: ListUsersQuery): Promise<{ items: AdminUser[]; nextCursor: string | null }> {
  const cursor = usersCursor.decode(query.cursor);
  const role = query.role === 'member' ? undefined : query.role;
  const passesFilters = (user: AdminUser) =>
    (role === undefined || user.roles.includes(role)) && (query.disabled === undefined || user.disabled === query.disabled);
  if (query.q !== undefined) return { items: (await findExactly(query.q)).filter(passesFilters), nextCursor: null };
  if (query.name !== undefined) {
    const prefix = searchPrefixOf(query.name);
    if (cursor && (cursor.source !== 'search' || cursor.prefix !== prefix)) throw staleCursor();
    const page = await searchUsers({ prefix, afterUsername: cursor?.afterUsername, limit: query.limit });
    const users = await usersByUid(page.items.map((profile) => profile.uid));
    const items = (await views(page.items.flatMap((profile) => users.get(profile.uid) ?? []))).filter(passesFilters);
    const nextCursor = page.lastUsername ? usersCursor.encode({ source: 'search', prefix, afterUsername: page.lastUsername }) : null;
    return { items, nextCursor };
  }
  if (role !== undefined || query.disabled === true) {
    if (cursor && cursor.source !== 'access') throw staleCursor();
    const records = await accessRepository.list(
      { role, disabled: query.disabled },
      { limit: query.limit, ...(cursor ? { afterUid: cursor.afterUid } : {}) },
    );
    const users = await usersByUid(records.map((record) => record.uid));
    const names = await profileNames(records.map((record) => record.uid));
    const items = records.flatMap((record) => {
      const user = users.get(record.uid);
      return user ? [adminUserView(user, record, names.get(record.uid))] : [];
    });
    const last = records.at(-1);
    return { items, nextCursor: records.length === query.limit && last ? usersCursor.encode({ source: 'access', afterUid: last.uid }) : null };
  }
  if (cursor && cursor.source !== 'auth') throw staleCursor();
  const page = await (await firebaseAuth()).listUsers(query.limit, cursor?.pageToken).catch((error: unknown) => {
    // A token Auth rejects is a client's bad cursor, not our failure.
    if ((error as { code?: string }).code === 'auth/invalid-page-token') throw staleCursor();
    throw error;
  });
  const items = (await views(page.users)).filter(passesFilters);
  return { items, nextCursor: page.pageToken ? usersCursor.encode({ source: 'auth', pageToken: page.pageToken }) : null };
}

/** One account by uid, with its access and profile name; undefined when Auth has no such account. */
export async function findUser(uid: string): Promise<AdminUser | undefined> {
  return (await findUsers([uid]))[0];
}

/** The accounts among these uids that Auth still has and that are not deleted, in no particular order. */
export async function findUsers(uids: readonly string[]): Promise<AdminUser[]> {
  return views([...(await usersByUid(uids)).values()]);
}

/** How the admin routes tell the two apart: Auth-generated uids never hold an `@`. */
export function isEmailAddress(text: string): boolean {
  return text.includes('@');
}

/** The account with exactly this uid or email address (`isEmailAddress`); none if deleted. */
export async function findExactly(text: string): Promise<AdminUser[]> {
  const identifiers = isEmailAddress(text) ? [{ email: text }] : [{ uid: text }];
  const { users } = await (await firebaseAuth()).getUsers(identifiers);
  return views(users);
}

async function views(users: readonly UserRecord[]): Promise<AdminUser[]> {
  const uids = users.map((user) => user.uid);
  const [access, names] = await Promise.all([accessRepository.findMany(uids), profileNames(uids)]);
  // An account deleted but not yet purged is no longer anybody's to manage.
  return users.filter((user) => !access.get(user.uid)?.deleted).map((user) => adminUserView(user, access.get(user.uid), names.get(user.uid)));
}

/** Auth's `getUsers` takes at most 100 identifiers a call. */
const getUsersLimit = 100;

async function usersByUid(uids: readonly string[]): Promise<Map<string, UserRecord>> {
  const unique = [...new Set(uids)];
  const auth = await firebaseAuth();
  const batches = [];
  for (let start = 0; start < unique.length; start += getUsersLimit) {
    batches.push(auth.getUsers(unique.slice(start, start + getUsersLimit).map((uid) => ({ uid }))));
  }
  return new Map((await Promise.all(batches)).flatMap(({ users }) => users.map((user) => [user.uid, user] as const)));
}

function staleCursor(): ProblemError {
  return new ProblemError(400, 'validation_failed', 'The cursor belongs to a list with other filters.', {
    errors: [{ path: 'query.cursor', message: 'Cursor does not match the filters' }],
  });
}
