import { describe, expect, it } from 'vitest';
import { decideEmailSend } from './email-send-window.ts';

const now = 1_000_000;

describe('decideEmailSend', () => {
  it('admits two sends a minute and refuses the third until the first leaves the window', () => {
    const first = decideEmailSend([], now);
    expect(first).toEqual({ admitted: true, sentAt: [now] });
    const second = decideEmailSend([now], now + 10_000);
    expect(second).toEqual({ admitted: true, sentAt: [now, now + 10_000] });
    expect(decideEmailSend([now, now + 10_000], now + 20_000)).toEqual({ admitted: false, retryAfterSeconds: 40 });
    expect(decideEmailSend([now, now + 10_000], now + 60_000)).toEqual({ admitted: true, sentAt: [now + 10_000, now + 60_000] });
  });

  it('forgets sends older than the window, and ignores times from the future', () => {
    expect(decideEmailSend([now - 120_000, now - 61_000, now + 5_000], now)).toEqual({ admitted: true, sentAt: [now] });
  });

  it('asks to wait at least a second', () => {
    expect(decideEmailSend([now - 59_999, now - 59_999], now)).toEqual({ admitted: false, retryAfterSeconds: 1 });
  });
});
