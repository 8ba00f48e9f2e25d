import { loadConfig } from '@plaza/runtime';
import { z } from 'zod';

// Pulumi passes every declared setting, an unset one as an empty string: that means "not set".
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

/** The telegram module's settings, apart from the service's; read on first use, not at import. */
export const telegramConfigSchema = z.object({
  /** BotFather's token (secret `telegram-bot-token`): the channel sends with it. */
  TELEGRAM_BOT_TOKEN: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, 'must be a bot token as BotFather issues it (<bot id>:<secret>)')
      .optional(),
  ),
  /** The bot's username without @: deep links are `https://t.me/<username>?start=<token>`. */
  TELEGRAM_BOT_USERNAME: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be the bot username')
      .transform((name) => name.replace(/^@/, ''))
      .optional(),
  ),
  /** grammY's `client.apiRoot`; the emulator suite exports its stand-in's. */
  TELEGRAM_API_ROOT: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
  /**
   * Telegram allows about 1 message a second per chat and 30 a second per bot. The gaps kept are
   * a little wider than that, so network jitter between us and Telegram does not cost a 429.
   */
  TELEGRAM_CHAT_INTERVAL_MS: z.coerce.number().int().min(1).default(1_100),
  TELEGRAM_BOT_WINDOW_MS: z.coerce.number().int().min(1).default(1_000),
  TELEGRAM_BOT_PER_WINDOW: z.coerce.number().int().min(1).default(25),
  /** How long one push may wait for its send slot; a later slot is left to Pub/Sub's retry. */
  TELEGRAM_MAX_SLOT_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
})
  .transform((config) => {
    // Against the emulator suite's stand-in (a loopback API root), an unset bot is its built-in
    // `localBot`, as the identity module takes any API key against the Auth emulator: `npm start`
    // and the tests link and send without a BotFather token. Never against a real API root.
    if (!isLoopback(config.TELEGRAM_API_ROOT)) return config;
    return {
      ...config,
      TELEGRAM_BOT_TOKEN: config.TELEGRAM_BOT_TOKEN ?? standInBot.token,
      TELEGRAM_BOT_USERNAME: config.TELEGRAM_BOT_USERNAME ?? standInBot.username,
    };
  });

/** The Telegram stand-in's built-in bot (`localBot` in @plaza/emulators; a test checks they agree). */
export const standInBot = { token: '7000000001:AAPlazaLocalBotTokenForTheEmulator1', username: 'plaza_local_bot' } as const;

function isLoopback(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export type TelegramConfig = z.output<typeof telegramConfigSchema>;

let loaded: TelegramConfig | undefined;

/**
 * Read once, on first use: the gateway mounts this module beside others, and a missing token
 * should fail a send (retried once an operator sets it) or a link request (503), not the boot.
 */
export function telegramConfigFromEnvironment(): TelegramConfig {
  loaded ??= loadConfig(telegramConfigSchema, process.env);
  return loaded;
}
