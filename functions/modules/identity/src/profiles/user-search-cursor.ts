import { usernamePattern } from '@plaza/contracts';
import { z } from 'zod';

/**
 * Where a page of a user search ends: the query's prefix and the last username (results are
 * ordered by username, which is unique, so it alone is a total order). Opaque to clients
 * (base64url JSON). The prefix is kept so that a cursor replayed with another `q` is refused
 * instead of silently skipping results.
 */
export interface UserSearchCursor {
  prefix: string;
  afterUsername: string;
}

const cursorSchema = z.tuple([z.string().max(200), z.string().regex(usernamePattern)]);

export function encodeUserSearchCursor(cursor: UserSearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.prefix, cursor.afterUsername])).toString('base64url');
}

/** Undefined when the text is not a cursor this module wrote. */
export function decodeUserSearchCursor(text: string): UserSearchCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { prefix: parsed.data[0], afterUsername: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}
