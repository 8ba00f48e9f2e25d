import type { Consumer, PlazaModule } from '@plaza/runtime';
import { notifyConsumer } from './channel/notify-consumer.ts';
import { onUserDeleted } from './links/on-user-deleted.ts';
import { telegramLinkRoutes } from './links/link-routes.ts';
import type { TelegramDependencies } from './telegram-dependencies.ts';

/**
 * The telegram module: account links between Plaza users and Telegram chats, and Telegram as a
 * notification channel. The bot (functions/telegram) links and unlinks chats through `links`.
 */
export * from './links/index.ts';
export { telegramConfigSchema, type TelegramConfig } from './telegram-config.ts';
export type { TelegramDependencies } from './telegram-dependencies.ts';

/** Every consumer of the module, against the given project (the service's own by default). */
export function telegramConsumers(dependencies?: TelegramDependencies): Consumer[] {
  return [notifyConsumer(dependencies), onUserDeleted(dependencies)];
}

export const telegramModule: PlazaModule = {
  name: 'telegram',
  routes: telegramLinkRoutes(),
  consumers: telegramConsumers(),
};
