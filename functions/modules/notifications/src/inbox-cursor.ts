import { z } from 'zod';

/**
 * Where a page of the inbox ends: the last item's sort key. Opaque to clients (base64url JSON),
 * so the sort key can change without breaking them beyond one page.
 */
export interface InboxCursor {
  createdAt: string;
  id: string;
}

const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.string().min(1) });

export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** Undefined when the text is not a cursor this module wrote. */
export function decodeInboxCursor(text: string): InboxCursor | undefined {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    const parsed = cursorSchema.safeParse({ createdAt, id });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The inbox's sort order, oldest first: createdAt, then the id. */
export function compareInboxCursors(a: InboxCursor, b: InboxCursor): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
