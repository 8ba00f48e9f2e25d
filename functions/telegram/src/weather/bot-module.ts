import type { Consumer, PlazaModule } from '@plaza/runtime';
import { createWeatherReplyConsumer } from './weather-reply-consumer.ts';

/** The consumers answering what the webhook publishes; they run where the telegram module runs. */
export const telegramBotConsumers: readonly Consumer[] = [createWeatherReplyConsumer()];

/**
 * The bot's consumers as a module a service can mount (`/_push/telegram/...`). Its push
 * subscriptions belong to the `telegram` module (libs/contracts/src/subscriptions.ts), so it
 * must be mounted by the service that runs that module: the gateway by default.
 */
export const telegramBotModule: PlazaModule = { name: 'telegram-bot', consumers: [...telegramBotConsumers] };
