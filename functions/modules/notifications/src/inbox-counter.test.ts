import { describe, expect, it } from 'vitest';
import { unreadAfter } from './inbox-counter.ts';
import type { StoredInboxItem } from './inbox-item.ts';

const unread: StoredInboxItem = { kind: 'test', title: 't', body: '', createdAt: '2026-01-02T03:04:05.000Z', readAt: null };
const read: StoredInboxItem = { ...unread, readAt: '2026-01-02T04:00:00.000Z' };

describe('unreadAfter', () => {
  it.each([
    ['a new unread item', undefined, unread, 3, 4],
    ['a new read item', undefined, read, 3, 3],
    ['marking read', unread, read, 3, 2],
    ['marking unread', read, unread, 3, 4],
    ['deleting an unread item', unread, undefined, 3, 2],
    ['deleting a read item', read, undefined, 3, 3],
    ['rewriting an unread item', unread, unread, 3, 3],
  ])('counts %s', (_name, before, after, count, expected) => {
    expect(unreadAfter(count, before, after)).toBe(expected);
  });

  it('never goes below 0, even for a counter that fell behind', () => {
    expect(unreadAfter(0, unread, read)).toBe(0);
  });
});
