import { describe, expect, it } from 'vitest';
import { leastLoaded, remainingCapacity, UNLIMITED_BATCH_PER_STREAM } from './flow-control.ts';

const stream = (maxMessages: number, maxBytes: number, outstandingMessages = 0, outstandingBytes = 0) => ({
  limits: { maxMessages, maxBytes },
  outstandingMessages,
  outstandingBytes,
});

describe('remainingCapacity', () => {
  it('applies one subscriber’s limits to all its streams together', () => {
    expect(remainingCapacity([stream(10, 1000, 3, 300), stream(10, 1000, 4, 100)])).toEqual({
      maxMessages: 3,
      maxBytes: 600,
    });
  });

  it('uses the tightest limit when streams disagree, ignoring unset ones', () => {
    expect(remainingCapacity([stream(10, 0), stream(4, 0), stream(0, 500)])).toEqual({ maxMessages: 4, maxBytes: 500 });
  });

  it('never goes below zero', () => {
    expect(remainingCapacity([stream(1, 10, 3, 50)])).toEqual({ maxMessages: 0, maxBytes: 0 });
  });

  it('bounds a round per stream when there is no message limit', () => {
    expect(remainingCapacity([stream(0, 0, 5), stream(0, 0)])).toEqual({
      maxMessages: 2 * UNLIMITED_BATCH_PER_STREAM,
      maxBytes: Infinity,
    });
  });
});

describe('leastLoaded', () => {
  it('picks the fewest outstanding, the earliest on ties', () => {
    expect(leastLoaded([3, 1, 2, 1])).toBe(1);
    expect(leastLoaded([0, 0])).toBe(0);
  });
});
