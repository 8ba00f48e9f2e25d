import type { Schema } from '@plaza/api-client';
import { usernamePattern } from '@plaza/contracts';
import { normalizeUsername } from './profile-changes.ts';

export type UsernameAvailability = Schema<'UsernameAvailability'>;

/** Where the live username check stands while the member types. */
export type UsernameCheck =
  | { status: 'idle' }
  | { status: 'unchanged'; username: string }
  | { status: 'invalid'; username: string; message: string }
  | { status: 'checking'; username: string }
  | { status: 'available'; username: string }
  | { status: 'unavailable'; username: string; message: string }
  | { status: 'failed'; username: string; message: string };

export const invalidUsernameMessage = "A username is 3 to 20 characters: lower-case letters, digits, '.', '_' or '-'.";

/**
 * What to do with what the member typed, before asking the API: nothing for an empty box or
 * their own name, a message at once for a name the pattern refuses, else a check of the
 * normalized name (the API lower-cases and trims too).
 */
export function planUsernameCheck(typed: string, current: string | null): UsernameCheck {
  const username = normalizeUsername(typed);
  if (!username) return { status: 'idle' };
  if (username === current) return { status: 'unchanged', username };
  if (!usernamePattern.test(username)) return { status: 'invalid', username, message: invalidUsernameMessage };
  return { status: 'checking', username };
}

/** The state the API's answer leads to, for the name it was asked about. */
export function fromAvailability(answer: UsernameAvailability): UsernameCheck {
  return answer.available
    ? { status: 'available', username: answer.username }
    : { status: 'unavailable', username: answer.username, message: answer.message ?? 'This username cannot be used.' };
}

/** The line under the username field, and whether it is an error. */
export function usernameCheckText(check: UsernameCheck): { text: string; error: boolean } | undefined {
  switch (check.status) {
    case 'idle':
    case 'unchanged':
      return undefined;
    case 'checking':
      return { text: `Checking whether @${check.username} is free…`, error: false };
    case 'available':
      return { text: `@${check.username} is available.`, error: false };
    case 'invalid':
    case 'unavailable':
      return { text: check.message, error: true };
    case 'failed':
      return { text: `Could not check the name: ${check.message}`, error: false };
  }
}
