import { telegramWeatherRequested } from '@plaza/contracts';
import { defineConsumer, PermanentFailure, RetryLater, type Consumer } from '@plaza/runtime';
import { CityNotFoundError, defaultWeatherCity, UpstreamError, weatherService, type WeatherService } from '@plaza/widgets';
import { botApi } from '../bot-api.ts';
import { classifySendFailure } from '../channel/send-failure.ts';
import { telegramConfigFromEnvironment } from '../telegram-config.ts';
import type { TelegramDependencies } from '../telegram-dependencies.ts';
import { weatherReply, weatherUnavailableReply } from './weather-reply.ts';

export interface WeatherReplyDependencies extends TelegramDependencies {
  readonly weather?: () => WeatherService;
  readonly defaultCity?: () => string;
}

// A sendMessage answers in well under a second; one that hangs is retried by Pub/Sub instead.
const sendTimeoutSeconds = 30;

/**
 * Answers the bot's `/weather` in the chat: the webhook (functions/telegram) only publishes
 * `plaza.telegram.weather.requested.v1`; this consumer looks the weather up (Firestore cache,
 * then Open-Meteo) for the stored location or the default city and sends it through the Bot API.
 * Open-Meteo failing with nothing cached is answered with an apology rather than retried: by the
 * next attempt the person has given up or asked again. A chat that blocked the bot is acked; a
 * 429 defers the event (RetryLater) and Telegram's 5xx or a lost connection is retried by Pub/Sub.
 *
 * The message is sent inside the consumer's transaction; if that commit then fails, the
 * redelivery sends it again, a duplicate weather report being the lesser harm than a lost one.
 */
export function weatherReplyConsumer(dependencies: WeatherReplyDependencies = {}): Consumer {
  const api = botApi(dependencies.config ?? telegramConfigFromEnvironment, { timeoutSeconds: sendTimeoutSeconds });
  const weather = dependencies.weather ?? weatherService;
  const defaultCity = dependencies.defaultCity ?? defaultWeatherCity;
  return defineConsumer({
    name: 'telegram.weather-reply',
    event: telegramWeatherRequested,
    ...(dependencies.firestore ? { firestore: dependencies.firestore } : {}),
    ...(dependencies.pubsub ? { pubsub: dependencies.pubsub } : {}),
    async handle({ event, logger }) {
      const { chatId, period, location } = event.data;
      let text: string;
      try {
        const { widget, cache } = await weather().weather(location ?? { city: defaultCity() }, { hours: 3 });
        logger.info({ cache, stale: widget.stale }, 'weather found');
        text = weatherReply(widget, period);
      } catch (error) {
        if (!(error instanceof UpstreamError) && !(error instanceof CityNotFoundError)) throw error;
        logger.warn({ err: error }, 'weather unavailable; apologising in the chat');
        text = weatherUnavailableReply;
      }
      const client = await api();
      try {
        await client.sendMessage(chatId, text);
      } catch (error) {
        const failure = classifySendFailure(error);
        switch (failure.kind) {
          case 'blocked':
            logger.info({ reason: failure.reason }, 'the chat blocked the bot; weather reply dropped');
            return;
          case 'refused':
            throw new PermanentFailure(`sendMessage refused: ${failure.reason}`);
          case 'retry-after':
            throw new RetryLater(`Telegram answered ${failure.reason}`, { retryAfterMs: failure.retryAfterMs, cause: error });
          case 'not-sent':
          case 'in-doubt':
            throw error;
        }
      }
    },
  });
}
