import { z } from 'zod';

/** `GET /v1/telegram/link`: whether the signed-in user has a linked Telegram chat, for the dashboard. */
export const TelegramLinkStatus = z
  .object({
    linked: z.boolean(),
    /** The chat's @username and first name as Telegram showed them when it was linked; null when unknown or not linked. */
    username: z.string().nullable(),
    firstName: z.string().nullable(),
    /** Whether notifications go to the chat; null when not linked. */
    notifications: z.boolean().nullable(),
    linkedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TelegramLinkStatus' });

export type TelegramLinkStatus = z.infer<typeof TelegramLinkStatus>;

/** `POST /v1/telegram/link`: a one-time token, shown once, and the deep link that redeems it. */
export const TelegramLinkStart = z
  .object({
    /** 43 characters of `A-Za-z0-9_-`; redeemed by `/start <token>` in the bot, once. */
    token: z.string(),
    /** `https://t.me/<bot>?start=<token>`: opening it and pressing Start links the chat. */
    deepLink: z.url(),
    expiresAt: z.iso.datetime(),
    status: TelegramLinkStatus,
  })
  .meta({ id: 'TelegramLinkStart' });

export type TelegramLinkStart = z.infer<typeof TelegramLinkStart>;

/** `PATCH /v1/telegram/link`: the user's Telegram preferences. */
export const UpdateTelegramLinkRequest = z
  .object({ notifications: z.boolean() })
  .strict()
  .meta({ id: 'UpdateTelegramLinkRequest' });

export type UpdateTelegramLinkRequest = z.infer<typeof UpdateTelegramLinkRequest>;
