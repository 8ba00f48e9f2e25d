import { describe, expect, it } from 'vitest';
import { exponentialBackoffMs, redeliveryDelayMs } from './backoff.ts';

describe('exponentialBackoffMs', () => {
  const range = { minimumMs: 100, maximumMs: 1000 };

  it('starts at the minimum, doubles, and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => exponentialBackoffMs(range, failures))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('stays at the cap for huge attempt counts', () => {
    expect(exponentialBackoffMs(range, 5000)).toBe(1000);
  });

  it('is zero when the range is zero', () => {
    expect(exponentialBackoffMs({ minimumMs: 0, maximumMs: 0 }, 3)).toBe(0);
  });
});

describe('redeliveryDelayMs', () => {
  const retry = { minimumMs: 50, maximumMs: 400 };

  it('follows the retry policy for nacks, expiries and push failures', () => {
    for (const reason of ['nack', 'expired', 'pushFailed'] as const) {
      expect(redeliveryDelayMs({ retry, push: false }, reason, 3)).toBe(200);
      expect(redeliveryDelayMs({ retry, push: true }, reason, 3)).toBe(200);
    }
  });

  it('redelivers pull messages at once without a retry policy', () => {
    expect(redeliveryDelayMs({ push: false }, 'nack', 4)).toBe(0);
    expect(redeliveryDelayMs({ push: false }, 'expired', 4)).toBe(0);
  });

  it('still backs off pushes without a retry policy, from 100 ms to 60 s', () => {
    expect(redeliveryDelayMs({ push: true }, 'pushFailed', 1)).toBe(100);
    expect(redeliveryDelayMs({ push: true }, 'pushFailed', 3)).toBe(400);
    expect(redeliveryDelayMs({ push: true }, 'pushFailed', 30)).toBe(60_000);
  });

  it('makes messages of a vanished subscriber available at once', () => {
    expect(redeliveryDelayMs({ retry, push: true }, 'subscriberGone', 9)).toBe(0);
  });
});
