import { z } from 'zod';

// Firestore Timestamps read back; checked by shape, since the SDK is only ever loaded lazily.
const timestamp = z.custom<{ toDate(): Date }>((value) => typeof (value as { toDate?: unknown } | null)?.toDate === 'function', 'expected a Firestore timestamp');

/** What the bot knows about the chat that redeems a token (a private chat: the person). */
export interface LinkedChat {
  /** Telegram's chat id; up to 52 bits, so a JS number holds it exactly. */
  readonly id: number;
  readonly username?: string | null | undefined;
  readonly firstName?: string | null | undefined;
}

export interface TelegramLocation {
  readonly lat: number;
  readonly lon: number;
  readonly updatedAt: Date;
}

/** A user's link to one Telegram chat, as the module hands it out. */
export interface TelegramLink {
  readonly uid: string;
  readonly chatId: number;
  readonly username: string | null;
  readonly firstName: string | null;
  /** Whether notifications go to the chat; on by default. */
  readonly notifications: boolean;
  /** Set by the bot's /location; null until then. */
  readonly location: TelegramLocation | null;
  readonly linkedAt: Date;
}

/** `telegramLinks/{uid}` as stored. */
export const storedLinkSchema = z.object({
  uid: z.string().min(1),
  chatId: z.number().int(),
  username: z.string().nullable(),
  firstName: z.string().nullable(),
  notifications: z.boolean(),
  location: z.object({ lat: z.number(), lon: z.number(), updatedAt: timestamp }).nullable(),
  linkedAt: timestamp,
});

/** `telegramChats/{chatId}` as stored: the index from a chat to its user. */
export const storedChatSchema = z.object({ uid: z.string().min(1), linkedAt: timestamp });

/** `telegramLinkTokens/{sha256(token)}` as stored. */
export const storedTokenSchema = z.object({
  uid: z.string().min(1),
  createdAt: timestamp,
  /** Also the TTL field: Firestore deletes spent and unused tokens some time after it. */
  expireAt: timestamp,
  usedAt: timestamp.nullable(),
  usedByChat: z.number().int().nullable(),
});

export function toTelegramLink(stored: z.infer<typeof storedLinkSchema>): TelegramLink {
  return {
    uid: stored.uid,
    chatId: stored.chatId,
    username: stored.username,
    firstName: stored.firstName,
    notifications: stored.notifications,
    location: stored.location ? { lat: stored.location.lat, lon: stored.location.lon, updatedAt: stored.location.updatedAt.toDate() } : null,
    linkedAt: stored.linkedAt.toDate(),
  };
}
