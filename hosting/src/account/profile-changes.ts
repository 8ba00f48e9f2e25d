import type { Schema } from '@plaza/api-client';

export type UpdateProfile = Schema<'UpdateProfileRequest'>;
type Me = Schema<'MeResponse'>;

/** What the profile form holds: every field as the text in its box. */
export interface ProfileForm {
  username: string;
  displayName: string;
  avatarUrl: string;
  bio: string;
}

/** The form as it starts, from the member's profile (absent values as empty boxes). */
export function profileForm(me: Pick<Me, 'username' | 'displayName' | 'avatarUrl' | 'bio'>): ProfileForm {
  return { username: me.username ?? '', displayName: me.displayName ?? '', avatarUrl: me.avatarUrl ?? '', bio: me.bio ?? '' };
}

/** The username as the API stores it: trimmed and lower-cased. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

/** A box's text as the API takes it: trimmed, and an empty box removes the field (null). */
function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed ? trimmed : null;
}

/**
 * The `PATCH /v1/me/profile` body: only the fields whose value differs from the profile, so an
 * untouched field is never re-validated or overwritten. An empty display name, avatar or bio
 * becomes null (removed). An emptied username is left out: a username cannot be removed.
 */
export function profileChanges(me: Pick<Me, 'username' | 'displayName' | 'avatarUrl' | 'bio'>, form: ProfileForm): UpdateProfile {
  const changes: UpdateProfile = {};
  const username = normalizeUsername(form.username);
  if (username && username !== (me.username ?? '')) changes.username = username;
  const displayName = orNull(form.displayName);
  if (displayName !== (me.displayName ?? null)) changes.displayName = displayName;
  const avatarUrl = orNull(form.avatarUrl);
  if (avatarUrl !== (me.avatarUrl ?? null)) changes.avatarUrl = avatarUrl;
  const bio = orNull(form.bio);
  if (bio !== (me.bio ?? null)) changes.bio = bio;
  return changes;
}

/** Whether a body from `profileChanges` changes anything. */
export function hasChanges(changes: UpdateProfile): boolean {
  return Object.keys(changes).length > 0;
}

/** The bio counter: characters as the API counts them (after trimming), and what is left. */
export function bioCounter(bio: string, max: number): { used: number; left: number; over: boolean; text: string } {
  const used = bio.trim().length;
  const left = max - used;
  return { used, left, over: left < 0, text: left < 0 ? `${-left} characters too many` : `${left} of ${max} characters left` };
}
