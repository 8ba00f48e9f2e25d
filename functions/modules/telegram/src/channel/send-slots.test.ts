import { firestore } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { sendSlots } from './send-slots.ts';

// Each test works in its own stretch of time (far in the future), so their windows never meet.
let era = Date.UTC(2100, 0, 1) + Math.floor(Math.random() * 1e6) * 60_000;
const freshEra = () => new Date((era += 3_600_000));
let chatSeq = Math.floor(Math.random() * 1e6) * 1000;
const newChat = () => (chatSeq += 1);

describe('send slots', () => {
  it('keeps a chat’s messages chatIntervalMs apart, and leaves what is too far off to a later attempt', async () => {
    const slots = sendSlots(firestore, { chatIntervalMs: 1_000, botWindowMs: 1_000, botPerWindow: 25, maxWaitMs: 2_500 });
    const now = freshEra();
    const chat = newChat();
    const reservations = [];
    for (let i = 0; i < 4; i += 1) reservations.push(await slots.reserve(chat, now));
    expect(reservations.map((r) => (r.kind === 'reserved' ? r.at.getTime() - now.getTime() : r.kind))).toEqual([0, 1_000, 2_000, 'later']);
    expect(reservations[3]).toEqual({ kind: 'later', retryAfterMs: 3_000 });
  });

  it('spreads concurrent sends to many chats over evenly spaced bot slots: never more than botPerWindow in any window', async () => {
    const slots = sendSlots(firestore, { chatIntervalMs: 1_000, botWindowMs: 1_000, botPerWindow: 5, maxWaitMs: 10_000 });
    const now = freshEra();
    const reservations = await Promise.all(Array.from({ length: 12 }, () => slots.reserve(newChat(), now)));
    const offsets = reservations.map((r) => (r.kind === 'reserved' ? r.at.getTime() - now.getTime() : Number.NaN)).sort((a, b) => a - b);
    // 5 per second, 200 ms apart, each slot once.
    expect(offsets).toEqual([0, 200, 400, 600, 800, 1_000, 1_200, 1_400, 1_600, 1_800, 2_000, 2_200]);
  });

  it('honours a pause (retry_after) for the chat, without shortening a later slot', async () => {
    const slots = sendSlots(firestore, { chatIntervalMs: 1_000, botWindowMs: 1_000, botPerWindow: 25, maxWaitMs: 60_000 });
    const now = freshEra();
    const chat = newChat();
    await slots.pauseChat(chat, new Date(now.getTime() + 5_000));
    await slots.pauseChat(chat, new Date(now.getTime() + 2_000));
    const reserved = await slots.reserve(chat, now);
    expect(reserved.kind === 'reserved' && reserved.at.getTime() - now.getTime()).toBe(5_000);
  });
});
