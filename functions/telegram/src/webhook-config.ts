import { serviceConfigSchema } from '@plaza/runtime';
import { z } from 'zod';

/** `123456789:AA…` as BotFather issues it: the bot's user id, a colon, the secret part. */
export const botTokenSchema = z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, 'must be a bot token as BotFather issues it (<bot id>:<secret>)');

// Pulumi passes every declared setting, an unset one as an empty string: that means "not set".
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

/** Telegram allows 1–256 of A-Z, a-z, 0-9, _ and - in X-Telegram-Bot-Api-Secret-Token. */
export const webhookSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -');

/**
 * The webhook function's environment. The bot's identity is configuration rather than a getMe
 * call, so a cold start answers its first update without a round trip to Telegram.
 */
export const telegramWebhookConfigSchema = serviceConfigSchema.extend({
  TELEGRAM_BOT_TOKEN: botTokenSchema,
  TELEGRAM_WEBHOOK_SECRET: webhookSecretSchema,
  /** The bot's @username without the @, as BotFather shows it. */
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be the bot username')
    .transform((name) => name.replace(/^@/, '')),
  /** The bot's display name (getMe's first_name). */
  TELEGRAM_BOT_NAME: z.preprocess(unsetWhenEmpty, z.string().min(1).default('Plaza')),
  /** The Bot API; the emulator suite's stand-in sets it locally. */
  TELEGRAM_API_ROOT: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
  /**
   * How long one update may take before the webhook answers anyway (then logs it). Telegram waits
   * about a minute; Cloud Functions throttles the CPU after the answer, so this is the real budget.
   */
  TELEGRAM_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(55_000).default(8_000),
  /** The dashboard, where people create their link (`/start` explains it). */
  APP_URL: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:5000')),
});

export type TelegramWebhookConfig = z.output<typeof telegramWebhookConfigSchema>;
