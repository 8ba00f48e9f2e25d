import { describe, expect, it } from 'vitest';
import { streamSlots } from './stream-slots.ts';

describe('streamSlots', () => {
  it('holds at most the limit per user, frees a slot on release, once', () => {
    const slots = streamSlots(2);
    const first = slots.acquire('ada');
    expect(slots.acquire('ada')).toBeDefined();
    expect(slots.acquire('ada')).toBeUndefined();
    expect(slots.acquire('grace')).toBeDefined();
    first?.();
    first?.();
    expect(slots.acquire('ada')).toBeDefined();
    expect(slots.acquire('ada')).toBeUndefined();
  });
});
