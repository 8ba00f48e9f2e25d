import { telegramLinkStore } from './link-store.ts';

export { telegramCollections, telegramLinkStore, type IssuedLinkToken, type LinkTarget, type RedeemResult, type TelegramLinkStore } from './link-store.ts';
export { deepLinkFor, linkTokenPattern, linkTokenTtlMs } from './link-token.ts';
export type { LinkedChat, TelegramLink, TelegramLocation } from './telegram-link.ts';

/** The links against the service's own Firestore: what the bot and the routes use. */
export const links = telegramLinkStore();

/** One-time link tokens, issued by `POST /v1/telegram/link` and redeemed by the bot's `/start <token>`. */
export const linkTokens = {
  issue: (uid: string, now?: Date) => links.issueToken(uid, now),
  redeem: links.redeem,
};
