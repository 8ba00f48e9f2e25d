import { firestore } from '@plaza/runtime';
import type { Firestore } from 'firebase-admin/firestore';

/**
 * `telegramUpdates/{botId}_{update_id}`: one document per update the webhook took on; TTL on
 * `expireAt`. update_id counts per bot, so the bot's id keeps two bots sharing a project apart.
 */
export const telegramUpdatesCollection = 'telegramUpdates';

/**
 * Telegram redelivers an update it got no 2xx for, for up to a day; two days of records keep
 * every redelivery a recognised duplicate. A Firestore TTL policy on `expireAt` then deletes them.
 */
export const updateClaimRetentionMs = 2 * 24 * 60 * 60 * 1000;

// gRPC ALREADY_EXISTS: create() found the document there.
const alreadyExists = 6;

export interface UpdateClaims {
  /** True for the first claim of an update, false for a redelivery of one already taken. */
  claim(updateId: number, now?: Date): Promise<boolean>;
  /** Gives a claim back after the update failed, so Telegram's redelivery is processed. */
  release(updateId: number): Promise<void>;
}

/**
 * Each update is processed once: `create()` fails when the document exists, so of two deliveries
 * of one update (a redelivery, or two instances racing) exactly one wins, without a transaction.
 */
export function firestoreUpdateClaims(botId: number, db: () => Promise<Firestore> = firestore): UpdateClaims {
  const ref = async (updateId: number) => (await db()).collection(telegramUpdatesCollection).doc(updateClaimId(botId, updateId));
  return {
    async claim(updateId, now = new Date()) {
      try {
        await (await ref(updateId)).create({ claimedAt: now, expireAt: new Date(now.getTime() + updateClaimRetentionMs) });
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === alreadyExists) return false;
        throw error;
      }
    },
    async release(updateId) {
      await (await ref(updateId)).delete();
    },
  };
}

export function updateClaimId(botId: number, updateId: number): string {
  return `${botId}_${updateId}`;
}
