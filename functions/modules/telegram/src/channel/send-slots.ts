import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';

/** `telegramChatSlots/{chatId}`: when the chat may get its next message. TTL on `expireAt`. */
export const chatSlotsCollection = 'telegramChatSlots';
/** `telegramBotWindows/{windowStartMs}`: which of a window's evenly spaced send slots are taken. TTL on `expireAt`. */
export const botWindowsCollection = 'telegramBotWindows';

export interface SendLimits {
  /** The gap kept between two messages to one chat. */
  readonly chatIntervalMs: number;
  /** The bot's sends are spread over slots `botWindowMs / botPerWindow` apart. */
  readonly botWindowMs: number;
  readonly botPerWindow: number;
  /** A slot further away than this is not reserved: the caller lets Pub/Sub come back later. */
  readonly maxWaitMs: number;
}

export type SlotReservation =
  | { readonly kind: 'reserved'; readonly at: Date }
  | { readonly kind: 'later'; readonly retryAfterMs: number };

// Slot records are only needed while they are in the future; a day later the TTL policy removes them.
const slotRecordTtlMs = 24 * 60 * 60 * 1000;
const timestamp = z.custom<{ toMillis(): number }>((value) => typeof (value as { toMillis?: unknown } | null)?.toMillis === 'function');
const chatSlotSchema = z.object({ nextSendAt: timestamp });
const botWindowSchema = z.object({ taken: z.array(z.number().int()) });

/**
 * Telegram's send limits, kept across every concurrent push and every instance: a send first
 * reserves a time, in one Firestore transaction, that is at least `chatIntervalMs` after the
 * chat's previous one and falls on a free slot of the bot's schedule. The bot's slots are evenly
 * spaced (`botWindowMs / botPerWindow`), so any sliding window holds at most `botPerWindow`
 * sends, which is how Telegram (and the stand-in) count. A window's document is written by at
 * most `botPerWindow` reservations, so no document stays hot.
 */
export function sendSlots(db: () => Promise<Firestore>, limits: SendLimits) {
  const gapMs = limits.botWindowMs / limits.botPerWindow;
  // Enough windows to cover the longest wait allowed, and a bound on the reads of one reservation.
  const maxWindows = Math.ceil(limits.maxWaitMs / limits.botWindowMs) + 2;

  return {
    async reserve(chatId: number, now = new Date()): Promise<SlotReservation> {
      const store = await db();
      const chatRef = store.collection(chatSlotsCollection).doc(String(chatId));
      return store.runTransaction(async (tx): Promise<SlotReservation> => {
        const chatSnapshot = await tx.get(chatRef);
        const chatNext = chatSnapshot.exists ? chatSlotSchema.parse(chatSnapshot.data()).nextSendAt.toMillis() : 0;
        let earliest = Math.max(now.getTime(), chatNext);
        for (let probe = 0; probe < maxWindows && earliest - now.getTime() <= limits.maxWaitMs; probe += 1) {
          const windowStart = Math.floor(earliest / limits.botWindowMs) * limits.botWindowMs;
          const firstSlot = Math.ceil((earliest - windowStart) / gapMs);
          const windowRef = store.collection(botWindowsCollection).doc(String(windowStart));
          const windowSnapshot = firstSlot < limits.botPerWindow ? await tx.get(windowRef) : undefined;
          const taken = new Set(windowSnapshot?.exists ? botWindowSchema.parse(windowSnapshot.data()).taken : []);
          let slot = firstSlot;
          while (slot < limits.botPerWindow && taken.has(slot)) slot += 1;
          if (slot >= limits.botPerWindow) {
            earliest = windowStart + limits.botWindowMs;
            continue;
          }
          const at = windowStart + slot * gapMs;
          if (at - now.getTime() > limits.maxWaitMs) break;
          tx.set(windowRef, { taken: [...taken, slot], expireAt: new Date(windowStart + slotRecordTtlMs) });
          tx.set(chatRef, { nextSendAt: new Date(at + limits.chatIntervalMs), expireAt: new Date(at + slotRecordTtlMs) });
          return { kind: 'reserved', at: new Date(at) };
        }
        return { kind: 'later', retryAfterMs: Math.max(earliest - now.getTime(), 1) };
      });
    },

    /** Telegram said 429 for the chat: nobody sends to it before `until` (retry_after honoured by every instance). */
    async pauseChat(chatId: number, until: Date): Promise<void> {
      const store = await db();
      const chatRef = store.collection(chatSlotsCollection).doc(String(chatId));
      await store.runTransaction(async (tx) => {
        const snapshot = await tx.get(chatRef);
        const next = snapshot.exists ? chatSlotSchema.parse(snapshot.data()).nextSendAt.toMillis() : 0;
        if (next >= until.getTime()) return;
        tx.set(chatRef, { nextSendAt: until, expireAt: new Date(until.getTime() + slotRecordTtlMs) });
      });
    },
  };
}

export type SendSlots = ReturnType<typeof sendSlots>;
