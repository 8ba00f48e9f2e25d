import { telegramWeatherRequested } from '@plaza/contracts';
import { defineConsumer, PermanentFailure, type Consumer } from '@plaza/runtime';
import { CityNotFoundError, defaultWeatherCity, UpstreamError, weatherService, type WeatherService } from '@plaza/widgets';
import { GrammyError, type Api } from 'grammy';
import { botApi } from './bot-api.ts';
import { weatherReply, weatherUnavailableReply } from './weather-reply.ts';

export interface WeatherReplyConsumerOptions {
  readonly api?: () => Api;
  readonly weather?: () => WeatherService;
  readonly defaultCity?: () => string;
}

/**
 * Answers `/weather` in the chat: the weather service (Firestore cache, then Open-Meteo) for the
 * stored location or the default city, sent through the Bot API. Open-Meteo failing with nothing
 * cached is answered with an apology rather than retried: by the next attempt the person has
 * given up or asked again. A chat that blocked the bot is acked; 429 and Telegram's 5xx are
 * thrown, so Pub/Sub retries with backoff.
 *
 * The message is sent inside the consumer's transaction; if that commit then fails, the
 * redelivery sends it again, a duplicate weather report being the lesser harm than a lost one.
 */
export function createWeatherReplyConsumer(options: WeatherReplyConsumerOptions = {}): Consumer {
  const api = options.api ?? botApi;
  const weather = options.weather ?? weatherService;
  const defaultCity = options.defaultCity ?? defaultWeatherCity;
  return defineConsumer({
    name: 'telegram.weather-reply',
    event: telegramWeatherRequested,
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
      try {
        await api().sendMessage(chatId, text);
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 403) {
          logger.info({ description: error.description }, 'the chat blocked the bot; weather reply dropped');
          return;
        }
        if (error instanceof GrammyError && error.error_code !== 429 && error.error_code < 500) {
          throw new PermanentFailure(`sendMessage refused: ${error.description}`);
        }
        throw error;
      }
    },
  });
}
