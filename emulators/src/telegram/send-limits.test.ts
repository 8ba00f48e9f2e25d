import { describe, expect, it } from 'vitest';
import { createSendLimiter } from './send-limits.ts';

describe('createSendLimiter', () => {
  it('lets everything through while disabled', () => {
    const limiter = createSendLimiter(() => 0);
    expect([1, 2, 3].map(() => limiter.trySend('1'))).toEqual([0, 0, 0]);
  });

  it('allows one message a second to a chat, and says when the next fits', () => {
    let clock = 10_000;
    const limiter = createSendLimiter(() => clock);
    limiter.configure({ enabled: true });
    expect(limiter.trySend('42')).toBe(0);
    clock += 200;
    expect(limiter.trySend('42')).toBe(1);
    expect(limiter.trySend('43')).toBe(0);
    clock += 800;
    expect(limiter.trySend('42')).toBe(0);
  });

  it('allows 30 messages a second across the bot', () => {
    let clock = 0;
    const limiter = createSendLimiter(() => clock);
    limiter.configure({ enabled: true });
    for (let chat = 0; chat < 30; chat += 1) expect(limiter.trySend(String(chat))).toBe(0);
    expect(limiter.trySend('31')).toBe(1);
    clock += 1000;
    expect(limiter.trySend('31')).toBe(0);
  });

  it('rounds a longer wait up to whole seconds', () => {
    let clock = 0;
    const limiter = createSendLimiter(() => clock);
    limiter.configure({ enabled: true, perChat: 1, chatWindowMs: 60_000 });
    limiter.trySend('7');
    clock += 1500;
    expect(limiter.trySend('7')).toBe(59);
  });
});
