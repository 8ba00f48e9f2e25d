import { serve } from '@hono/node-server';
import { loadConfig } from '@plaza/runtime';
import { Api } from 'grammy';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { handledUpdateTypes } from '../create-bot.ts';
import { menuCommands } from '../commands/registry.ts';
import { createTelegramWebhook } from '../create-webhook.ts';
import { telegramWebhookConfigSchema } from '../webhook-config.ts';

/** A bot the stand-in knows: `localBot` from @plaza/emulators for npm start. */
export interface LocalBot {
  readonly token: string;
  readonly username: string;
  readonly first_name: string;
}

export interface LocalTelegramWebhook {
  /** Where the stand-in delivers the local bot's updates. */
  readonly url: string;
  readonly bot: LocalBot;
  close(): Promise<void>;
}

/**
 * `npm start`'s Telegram side: the webhook for the stand-in's built-in bot (`localBot`) on
 * 127.0.0.1, registered with setWebhook (a fresh secret each run) and setMyCommands, as the
 * release's telegram-set-webhook does against Telegram. The process environment must already
 * point at the emulator suite (TELEGRAM_API_ROOT, FIRESTORE_EMULATOR_HOST, ...).
 */
export async function startLocalTelegramWebhook(options: { bot: LocalBot; appUrl: string; logLevel?: string }): Promise<LocalTelegramWebhook> {
  const localBot = options.bot;
  const secret = randomBytes(24).toString('base64url');
  const config = loadConfig(telegramWebhookConfigSchema, {
    ...process.env,
    TELEGRAM_BOT_TOKEN: localBot.token,
    TELEGRAM_BOT_USERNAME: localBot.username,
    TELEGRAM_BOT_NAME: localBot.first_name,
    TELEGRAM_WEBHOOK_SECRET: secret,
    APP_URL: options.appUrl,
    ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
  });
  const app = createTelegramWebhook(config);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const api = new Api(localBot.token, { apiRoot: config.TELEGRAM_API_ROOT });
  await api.setWebhook(url, { secret_token: secret, allowed_updates: [...handledUpdateTypes], drop_pending_updates: false });
  await api.setMyCommands(menuCommands());
  return {
    url,
    bot: localBot,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** How to talk to the local bot, for `npm start` to print: updates go in and replies come out through the stand-in's control API. */
export function localBotWalkthrough(apiRoot: string, webhook: LocalTelegramWebhook): string {
  const token = encodeURIComponent(webhook.bot.token);
  const update = JSON.stringify({ message: { from: { id: 4242, is_bot: false, first_name: 'Ada' }, chat: { id: 4242, type: 'private', first_name: 'Ada' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } });
  return [
    `# telegram: the stand-in's bot @${webhook.bot.username} posts its updates to ${webhook.url}; talk to it as chat 4242:`,
    `#   curl -s ${apiRoot}/control/bots/${token}/updates -H 'content-type: application/json' -d '${update}'`,
    `#   curl -s '${apiRoot}/control/calls?token=${token}&chat_id=4242'   # what the bot answered`,
    '#   to link: POST /api/v1/telegram/link as a member, then send "/start <token>" the same way',
  ].join('\n');
}
