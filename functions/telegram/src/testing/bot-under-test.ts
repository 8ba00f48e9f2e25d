import { serve } from '@hono/node-server';
import { registerTelegramBot, telegramApiRoot, telegramCalls, injectTelegramUpdate, type InjectedUpdate, type TestBot } from '@plaza/emulators/testing';
import { createLogger, loadConfig } from '@plaza/runtime';
import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Api } from 'grammy';
import { afterAll } from 'vitest';
import type { BotDependencies } from '../bot-dependencies.ts';
import { handledUpdateTypes } from '../create-bot.ts';
import { createTelegramWebhook } from '../create-webhook.ts';
import { telegramWebhookConfigSchema } from '../webhook-config.ts';

// Offline, the Google clients' probe of the GCE metadata server fails only after a delay.
process.env.METADATA_SERVER_DETECTION ??= 'none';

export interface LogLine {
  severity: string;
  message: string;
  [field: string]: unknown;
}

export interface BotUnderTest {
  readonly bot: TestBot;
  /** The webhook's origin on 127.0.0.1; Telegram (the stand-in) posts to `${origin}/`. */
  readonly origin: string;
  readonly secret: string;
  readonly appUrl: string;
  /** What the webhook logged, parsed. */
  readonly logs: LogLine[];
  /** Delivers an update through the stand-in, as Telegram would (secret header included). */
  inject(update: Record<string, unknown>): Promise<InjectedUpdate>;
  /** The texts the bot sent to a chat, oldest first (webhook replies and API calls alike). */
  sentTexts(chatId: number): Promise<string[]>;
}

/**
 * The real webhook (createTelegramWebhook, production wiring: Firestore, the outbox, the
 * telegram module's links, identity) on 127.0.0.1, registered as the webhook of a bot of the
 * test file's own in the Telegram stand-in. Stops after the file.
 */
export async function startBotUnderTest(overrides: Partial<BotDependencies> = {}, env: Record<string, string> = {}): Promise<BotUnderTest> {
  const bot = await registerTelegramBot({ username: `plaza_test_${randomBytes(4).toString('hex')}_bot` });
  const secret = randomBytes(24).toString('base64url');
  const appUrl = 'http://plaza.test';
  const logs: LogLine[] = [];
  const config = loadConfig(telegramWebhookConfigSchema, {
    ...process.env,
    TELEGRAM_BOT_TOKEN: bot.token,
    TELEGRAM_WEBHOOK_SECRET: secret,
    TELEGRAM_BOT_USERNAME: bot.user.username,
    TELEGRAM_API_ROOT: telegramApiRoot(),
    APP_URL: appUrl,
    ...env,
  });
  const logger = createLogger({ service: 'telegram-webhook', level: 'info', destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } });
  const app = createTelegramWebhook(config, { logger, ...overrides });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Api(bot.token, { apiRoot: telegramApiRoot() }).setWebhook(`${origin}/`, { secret_token: secret, allowed_updates: [...handledUpdateTypes] });
  return {
    bot,
    origin,
    secret,
    appUrl,
    logs,
    inject: (update) => injectTelegramUpdate(bot.token, update),
    async sentTexts(chatId) {
      const calls = await telegramCalls(bot.token, { method: 'sendMessage', chatId });
      return calls.filter((call) => call.ok).map((call) => String((call.params as { text?: unknown }).text));
    },
  };
}

/** A private chat id no other test uses. */
export function newChatId(): number {
  return randomInt(100_000_000, 2_000_000_000);
}

/** A message update from a person in their private chat with the bot; a leading /command gets its entity, as Telegram sends it. */
export function messageUpdate(chatId: number, content: string | Record<string, unknown>, from: Partial<{ is_bot: boolean; first_name: string; username: string }> = {}): Record<string, unknown> {
  const person = { id: chatId, is_bot: false, first_name: 'Ada', username: 'ada_tg', ...from };
  const body =
    typeof content === 'string'
      ? { text: content, ...(content.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: content.split(/\s/)[0]!.length }] } : {}) }
      : content;
  return {
    message: {
      message_id: randomInt(1, 1_000_000),
      date: Math.floor(Date.now() / 1000),
      from: person,
      chat: { id: chatId, type: 'private', first_name: person.first_name, username: person.username },
      ...body,
    },
  };
}
