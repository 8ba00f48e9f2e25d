import { describe, expect, it } from 'vitest';
import { advancedTo, decodeStreamPosition, encodeStreamPosition } from './stream-position.ts';

const early = { createdAt: '2026-01-02T03:04:05.000Z', id: 'b' };
const late = { createdAt: '2026-01-02T03:04:05.000Z', id: 'c' };

describe('stream positions', () => {
  it('round-trip, `start` included, and refuse what this module did not write', () => {
    expect(decodeStreamPosition(encodeStreamPosition(early))).toEqual(early);
    expect(decodeStreamPosition(encodeStreamPosition('start'))).toBe('start');
    expect(decodeStreamPosition('42')).toBeUndefined();
  });

  it('only move forward, the id breaking ties', () => {
    expect(advancedTo('start', early)).toEqual(early);
    expect(advancedTo(early, late)).toEqual(late);
    expect(advancedTo(late, early)).toBe(late);
  });
});
