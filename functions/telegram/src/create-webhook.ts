import { createLogger, type Logger } from '@plaza/runtime';
import { links } from '@plaza/telegram';
import type { Hono } from 'hono';
import { botInfoFrom } from './bot-info.ts';
import type { BotDependencies } from './bot-dependencies.ts';
import { createBot } from './create-bot.ts';
import { readLinkedProfile } from './linked-profile.ts';
import { firestoreUpdateClaims } from './update-claims.ts';
import { publishWeatherRequest } from './weather/weather-request.ts';
import { createWebhookApp } from './webhook-app.ts';
import type { TelegramWebhookConfig } from './webhook-config.ts';

/** The webhook wired to production's parts (Firestore, Pub/Sub, the telegram module, identity), from config. */
export function createTelegramWebhook(config: TelegramWebhookConfig, overrides: Partial<BotDependencies> = {}): Hono {
  const logger: Logger = overrides.logger ?? createLogger({ service: 'telegram-webhook', level: config.LOG_LEVEL });
  const botInfo = botInfoFrom(config);
  const deps: BotDependencies = {
    links,
    claims: firestoreUpdateClaims(botInfo.id),
    readProfile: readLinkedProfile,
    requestWeather: publishWeatherRequest,
    appUrl: config.APP_URL,
    ...overrides,
    logger,
  };
  const bot = createBot({ token: config.TELEGRAM_BOT_TOKEN, botInfo, apiRoot: config.TELEGRAM_API_ROOT, deps });
  return createWebhookApp({ bot, secretToken: config.TELEGRAM_WEBHOOK_SECRET, timeoutMs: config.TELEGRAM_WEBHOOK_TIMEOUT_MS, logger });
}
