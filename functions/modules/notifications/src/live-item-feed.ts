import type { NotificationItem } from '@plaza/contracts';
import { compareInboxCursors, type InboxCursor } from './inbox-cursor.ts';
import { advancedTo, isPast, type StreamPosition } from './stream-position.ts';

/** One snapshot of the listener on the inbox's newest items. */
export interface NewestItemsSnapshot {
  /** The window, newest first. */
  items: readonly NotificationItem[];
  /** True when the window is full, so older items exist outside it. */
  full: boolean;
  /** The items that entered the window with this snapshot (all of them, the first time). */
  added: readonly NotificationItem[];
}

export interface LiveItem {
  item: NotificationItem;
  /** The stream's position once this item is delivered: its SSE id. */
  position: StreamPosition;
}

/**
 * Decides which items a stream sends, from the snapshots of a listener on the newest items. The
 * first snapshot is what the inbox held when the stream opened: sent only when resuming, the
 * items past the position the client resumes from. Later, an item is sent when it enters the
 * window for the first time and is newer than the window's oldest item at the start: an older
 * one entering is a refill after a deletion, not news. Items go out oldest first.
 */
export function liveItemFeed(resumeFrom: StreamPosition | undefined) {
  const seen = new Set<string>();
  let started = false;
  let floor: InboxCursor | undefined;
  let position: StreamPosition = resumeFrom ?? 'start';

  function deliver(items: readonly NotificationItem[]): LiveItem[] {
    return [...items].sort(compareInboxCursors).map((item) => {
      seen.add(item.id);
      position = advancedTo(position, item);
      return { item, position };
    });
  }

  function start(snapshot: NewestItemsSnapshot): LiveItem[] {
    started = true;
    floor = snapshot.full ? snapshot.items.at(-1) : undefined;
    const catchUp = resumeFrom === undefined ? [] : deliver(snapshot.items.filter((item) => isPast(item, resumeFrom)));
    for (const item of snapshot.items) {
      seen.add(item.id);
      position = advancedTo(position, item);
    }
    return catchUp;
  }

  return {
    /** What to send for this snapshot, oldest first. */
    next(snapshot: NewestItemsSnapshot): LiveItem[] {
      if (!started) return start(snapshot);
      return deliver(snapshot.added.filter((item) => !seen.has(item.id) && (!floor || compareInboxCursors(item, floor) > 0)));
    },
    /** Where the stream stands after everything sent so far (and everything in the inbox at the start). */
    position: (): StreamPosition => position,
  };
}
