import type { NotificationItem } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { liveItemFeed, type NewestItemsSnapshot } from './live-item-feed.ts';

const item = (n: number): NotificationItem => ({
  id: `item-${String(n).padStart(3, '0')}`,
  kind: 'test',
  title: `#${n}`,
  body: '',
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  readAt: null,
});

/** A window of the newest `size` items of `inbox` (numbers), and what entered it since `before`. */
function snapshot(inbox: number[], size: number, before: number[] = []): NewestItemsSnapshot {
  const items = [...inbox].sort((a, b) => b - a).slice(0, size).map(item);
  const earlier = new Set([...before].sort((a, b) => b - a).slice(0, size));
  return { items, full: inbox.length >= size, added: items.filter((entry) => !earlier.has(Number(entry.title.slice(1)))) };
}

const ids = (entries: { item: NotificationItem }[]) => entries.map(({ item: entry }) => entry.title);

describe('liveItemFeed', () => {
  it('sends nothing that was there at the start, then each new item once, oldest first', () => {
    const feed = liveItemFeed(undefined);
    expect(feed.next(snapshot([1, 2], 5))).toEqual([]);
    expect(feed.position()).toEqual({ createdAt: item(2).createdAt, id: item(2).id });
    const sent = feed.next(snapshot([1, 2, 4, 3], 5, [1, 2]));
    expect(ids(sent)).toEqual(['#3', '#4']);
    expect(sent.map(({ position }) => position)).toEqual([
      { createdAt: item(3).createdAt, id: item(3).id },
      { createdAt: item(4).createdAt, id: item(4).id },
    ]);
    expect(feed.next(snapshot([1, 2, 3, 4], 5, [1, 2, 3, 4]))).toEqual([]);
  });

  it('sends a late item with an older createdAt, without moving the position back', () => {
    const feed = liveItemFeed(undefined);
    feed.next(snapshot([5], 5));
    const [late] = feed.next(snapshot([5, 2], 5, [5]));
    expect(late?.item.title).toBe('#2');
    expect(late?.position).toEqual({ createdAt: item(5).createdAt, id: item(5).id });
  });

  it('does not take an old item refilling a full window after a deletion for a new one', () => {
    const feed = liveItemFeed(undefined);
    feed.next(snapshot([1, 2, 3, 4], 3));
    expect(feed.next(snapshot([1, 2, 4], 3, [1, 2, 3, 4]))).toEqual([]);
    expect(ids(feed.next(snapshot([1, 2, 4, 9], 3, [1, 2, 4])))).toEqual(['#9']);
    // #1 comes back into the window when #9 goes: it was in the inbox at the start.
    expect(feed.next(snapshot([1, 2, 4], 3, [1, 2, 4, 9]))).toEqual([]);
  });

  it('starts an empty inbox at `start`, and resuming from it sends everything there now', () => {
    const empty = liveItemFeed(undefined);
    empty.next(snapshot([], 5));
    expect(empty.position()).toBe('start');
    const resumed = liveItemFeed('start');
    expect(ids(resumed.next(snapshot([2, 1], 5)))).toEqual(['#1', '#2']);
  });

  it('on a resume first sends the items past the position, at most one window of them', () => {
    const from = { createdAt: item(3).createdAt, id: item(3).id };
    expect(ids(liveItemFeed(from).next(snapshot([1, 2, 3, 4, 5], 5)))).toEqual(['#4', '#5']);
    expect(ids(liveItemFeed(from).next(snapshot([1, 2, 3, 4, 5, 6, 7, 8], 3)))).toEqual(['#6', '#7', '#8']);
    const nothingNew = liveItemFeed(from);
    expect(nothingNew.next(snapshot([1, 2, 3], 5))).toEqual([]);
    expect(nothingNew.position()).toEqual(from);
  });
});
