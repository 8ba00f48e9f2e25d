import { describe, expect, it } from 'vitest';
import { deliverable } from './ordering.ts';

const entry = (id: string, orderingKey = '', availableAt = 0) => ({ id, orderingKey, availableAt });
const ids = (entries: Iterable<{ id: string }>): string[] => [...entries].map((e) => e.id);

describe('deliverable', () => {
  const backlog = [entry('a1', 'a'), entry('b1', 'b'), entry('a2', 'a'), entry('n1'), entry('b2', 'b'), entry('n2')];

  it('yields everything available when ordering is off', () => {
    expect(ids(deliverable(backlog, 0, false, () => false))).toEqual(['a1', 'b1', 'a2', 'n1', 'b2', 'n2']);
  });

  it('yields each key in publish order when nothing of it is in flight', () => {
    expect(ids(deliverable(backlog, 0, true, () => false))).toEqual(['a1', 'b1', 'a2', 'n1', 'b2', 'n2']);
  });

  it('holds a key with a message in flight', () => {
    expect(ids(deliverable(backlog.slice(2), 0, true, (key) => key === 'a'))).toEqual(['n1', 'b2', 'n2']);
  });

  it('keeps a key behind its head while the head waits out a backoff', () => {
    const waiting = [entry('a1', 'a', 100), entry('a2', 'a'), entry('n1', '', 100), entry('n2')];
    expect(ids(deliverable(waiting, 50, true, () => false))).toEqual(['n2']);
    expect(ids(deliverable(waiting, 100, true, () => false))).toEqual(['a1', 'a2', 'n1', 'n2']);
    expect(ids(deliverable(waiting, 50, false, () => false))).toEqual(['a2', 'n2']);
  });
});
