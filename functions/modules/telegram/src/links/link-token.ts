import { createHash, randomBytes } from 'node:crypto';

/**
 * A link token: 32 random bytes (256 bits) in base64url, 43 characters. Telegram's deep-link
 * start parameter allows only `A-Za-z0-9_-` and at most 64 characters; base64url without padding
 * fits both. Only the SHA-256 of a token is stored, so a database read does not hand out links.
 */
export const linkTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** How long a token may be redeemed: long enough to open Telegram and press Start. */
export const linkTokenTtlMs = 10 * 60_000;

export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token's document id in `telegramLinkTokens`. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** `https://t.me/<bot>?start=<token>`: opens the bot, and Start sends `/start <token>`. */
export function deepLinkFor(botUsername: string, token: string): string {
  return `https://t.me/${encodeURIComponent(botUsername.replace(/^@/, ''))}?start=${token}`;
}
