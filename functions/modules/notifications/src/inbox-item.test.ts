import { describe, expect, it } from 'vitest';
import { withReadState, type StoredInboxItem } from './inbox-item.ts';

const item: StoredInboxItem = { kind: 'test', title: 't', body: '', createdAt: '2026-01-02T03:04:05.000Z', readAt: null };
const now = new Date('2026-01-03T00:00:00.000Z');

describe('withReadState', () => {
  it('sets readAt to now, and clears it again', () => {
    const read = withReadState(item, true, now);
    expect(read.readAt).toBe('2026-01-03T00:00:00.000Z');
    expect(withReadState(read, false, now).readAt).toBeNull();
  });

  it('keeps the first readAt of an item read before, and changes nothing that is already so', () => {
    const read = { ...item, readAt: '2026-01-02T09:00:00.000Z' };
    expect(withReadState(read, true, now)).toBe(read);
    expect(withReadState(item, false, now)).toBe(item);
  });
});
