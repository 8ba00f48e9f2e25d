import type { Api } from 'grammy';
import type { TelegramConfig } from './telegram-config.ts';

export interface BotApiOptions {
  /** grammY's per-request timeout; its default is 500 s, far longer than any consumer should wait. */
  readonly timeoutSeconds?: number;
}

/**
 * The module's one Bot API client, for its consumers (the notification channel, the /weather
 * reply): the token and API root from the module's settings, rebuilt only when they change.
 * grammY is loaded on the first call, not at import: the gateway mounts this module beside many
 * routes that never send. A missing token throws, so the event is retried once an operator sets it.
 */
export function botApi(config: () => TelegramConfig, options: BotApiOptions = {}): () => Promise<Api> {
  let current: { config: TelegramConfig; api: Api } | undefined;
  return async () => {
    const settings = config();
    if (!settings.TELEGRAM_BOT_TOKEN) throw new Error('TELEGRAM_BOT_TOKEN is not set: the bot cannot send (the event is retried)');
    if (current?.config !== settings) {
      const { Api: BotApi } = await import('grammy');
      const api = new BotApi(settings.TELEGRAM_BOT_TOKEN, {
        apiRoot: settings.TELEGRAM_API_ROOT,
        ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
      });
      current = { config: settings, api };
    }
    return current.api;
  };
}
