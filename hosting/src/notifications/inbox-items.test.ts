import { describe, expect, it } from 'vitest';
import { mergeInboxItems, relativeTime } from './inbox-items.ts';

const item = (id: string, createdAt: string, readAt: string | null = null) => ({ id, kind: 'welcome', title: id, body: '', createdAt, readAt });

describe('mergeInboxItems', () => {
  it('keeps newest first, breaking ties by id like the API', () => {
    const merged = mergeInboxItems([item('a', '2026-01-01T00:00:00.000Z')], [item('c', '2026-01-02T00:00:00.000Z'), item('b', '2026-01-01T00:00:00.000Z')]);
    expect(merged.map(({ id }) => id)).toEqual(['c', 'b', 'a']);
  });

  it('holds one entry per id, the later copy winning', () => {
    const merged = mergeInboxItems([item('a', '2026-01-01T00:00:00.000Z')], [item('a', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.readAt).toBe('2026-01-03T00:00:00.000Z');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-12-04T12:00:00.000Z');
  it('says how long ago, in the largest unit that fits', () => {
    expect(relativeTime('2026-12-04T11:57:00.000Z', now)).toMatch(/3 minutes ago/);
    expect(relativeTime('2026-12-04T09:00:00.000Z', now)).toMatch(/3 hours ago/);
    expect(relativeTime('2026-12-03T12:00:00.000Z', now)).toMatch(/yesterday/);
    expect(relativeTime('2026-12-04T11:59:58.000Z', now)).toMatch(/now/);
  });
});
