import type { Consumer, PlazaModule } from '@plaza/runtime';
import { notifyConsumer } from './channel/notify-consumer.ts';
import { onUserDeleted } from './links/on-user-deleted.ts';
import { telegramLinkRoutes } from './links/link-routes.ts';
import type { TelegramDependencies } from './telegram-dependencies.ts';
import { weatherReplyConsumer } from './weather/weather-reply-consumer.ts';

/**
 * The telegram module: account links between Plaza users and Telegram chats, Telegram as a
 * notification channel, and the answers to what the bot (functions/telegram) publishes (the
 * /weather reply). The bot links and unlinks chats through `links`.
 */
export * from './links/index.ts';
export { telegramConfigSchema, type TelegramConfig } from './telegram-config.ts';
export type { TelegramDependencies } from './telegram-dependencies.ts';

/** Every consumer of the module, against the given project (the service's own by default). */
export function telegramConsumers(dependencies?: TelegramDependencies): Consumer[] {
  return [notifyConsumer(dependencies), onUserDeleted(dependencies), weatherReplyConsumer(dependencies)];
}

export const telegramModule: PlazaModule = {
  name: 'telegram',
  routes: telegramLinkRoutes(),
  consumers: telegramConsumers(),
};
