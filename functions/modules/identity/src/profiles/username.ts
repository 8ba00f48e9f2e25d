import { Username, type UsernameAvailability } from '@plaza/contracts';
import { reservedUsernames } from './reserved-usernames.ts';

export type UsernameCheck =
  | { ok: true; username: string }
  | { ok: false; username: string; reason: 'invalid' | 'reserved'; message: string };

/**
 * The username rules with no I/O: normalized (trimmed, lower-cased) then checked against the
 * pattern and the reserved list. Whether someone holds it is the repository's question.
 */
export function checkUsername(input: string): UsernameCheck {
  const parsed = Username.safeParse(input);
  if (!parsed.success) {
    return { ok: false, username: input.trim().toLowerCase(), reason: 'invalid', message: parsed.error.issues[0]?.message ?? 'Invalid username' };
  }
  if (reservedUsernames.has(parsed.data)) {
    return { ok: false, username: parsed.data, reason: 'reserved', message: `"${parsed.data}" is reserved` };
  }
  return { ok: true, username: parsed.data };
}

/** The answer to an availability check, given who holds the (valid) name, if anyone. */
export function usernameAvailability(check: UsernameCheck, holderUid: string | undefined, callerUid: string): UsernameAvailability {
  if (!check.ok) return { username: check.username, available: false, reason: check.reason, message: check.message };
  if (holderUid !== undefined && holderUid !== callerUid) {
    return { username: check.username, available: false, reason: 'taken', message: `"${check.username}" is taken` };
  }
  return { username: check.username, available: true, reason: null, message: null };
}
