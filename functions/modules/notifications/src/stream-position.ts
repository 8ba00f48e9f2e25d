import { compareInboxCursors, decodeInboxCursor, encodeInboxCursor, type InboxCursor } from './inbox-cursor.ts';

/**
 * Where a notification stream stands, sent as each event's SSE `id`: every item up to this
 * cursor was delivered or already in the inbox; `start` when the inbox was empty, so that a
 * resume delivers whatever arrived since. Opaque to clients.
 */
export type StreamPosition = InboxCursor | 'start';

export function encodeStreamPosition(position: StreamPosition): string {
  return position === 'start' ? position : encodeInboxCursor(position);
}

/** Undefined when the text is not a position this module wrote. */
export function decodeStreamPosition(text: string): StreamPosition | undefined {
  return text === 'start' ? text : decodeInboxCursor(text);
}

export function isPast(item: InboxCursor, position: StreamPosition): boolean {
  return position === 'start' || compareInboxCursors(item, position) > 0;
}

/** The position after delivering `item`: it never moves back. */
export function advancedTo(position: StreamPosition, item: InboxCursor): StreamPosition {
  return isPast(item, position) ? { createdAt: item.createdAt, id: item.id } : position;
}
