import type { operations, Schema } from '@plaza/api-client';

export type AdminUser = Schema<'AdminUser'>;
export type UsersQuery = NonNullable<operations['adminListUsers']['parameters']['query']>;
export type RoleFilter = '' | 'member' | 'moderator' | 'admin';
export type SuspendedFilter = '' | 'true' | 'false';

export interface UserSearch {
  /** What the admin typed: an email, a uid, `@username`, or the start of a username or display name. */
  text: string;
  role: RoleFilter;
  suspended: SuspendedFilter;
}

export const emptySearch: UserSearch = { text: '', role: '', suspended: '' };

/** Usernames are 3 to 20 characters, lower-case (`usernamePattern`); a Firebase uid is usually 28. */
const longestUsername = 20;

/**
 * Which parameter the search box fills. `q` is an exact uid or email, `name` a prefix of the
 * username or display name:
 * - an email (an `@` after the first character) → `q`;
 * - `@ada` → `name=ada` (a username, as the header shows it);
 * - `uid:abc` → `q=abc` (a uid that could pass for a name);
 * - one word longer than any username → `q` (a uid; the API's uids are 28 characters);
 * - anything else → `name`.
 */
export function searchTerm(text: string): { q: string } | { name: string } | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.startsWith('@')) {
    const name = trimmed.slice(1).trim();
    return name ? { name } : undefined;
  }
  if (/^uid:/i.test(trimmed)) {
    const uid = trimmed.slice(4).trim();
    return uid ? { q: uid } : undefined;
  }
  if (trimmed.includes('@')) return { q: trimmed };
  if (!/\s/.test(trimmed) && trimmed.length > longestUsername) return { q: trimmed };
  return { name: trimmed };
}

/** The `GET /v1/admin/users` query for a search and an optional page cursor. */
export function usersQuery(search: UserSearch, cursor?: string, limit = 25): UsersQuery {
  return {
    limit,
    ...searchTerm(search.text),
    ...(search.role ? { role: search.role } : {}),
    ...(search.suspended ? { disabled: search.suspended } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** How a user is named in buttons and announcements: the email, else the uid. */
export function userLabel(user: Pick<AdminUser, 'email' | 'uid'>): string {
  return user.email ?? user.uid;
}
