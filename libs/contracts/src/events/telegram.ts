import { z } from 'zod';
import { defineEvent } from './define-event.ts';

/**
 * Someone asked the Telegram bot for the weather (`/weather now` or `/weather 3h`). The webhook
 * must answer Telegram within its timeout, so it only publishes this; a consumer asks the weather
 * service (which may call Open-Meteo) and replies in the chat through the Bot API.
 */
export const telegramWeatherRequested = defineEvent(
  'plaza.telegram.weather.requested.v1',
  z.object({
    /** The private chat to answer in. */
    chatId: z.number().int(),
    /** The linked Plaza account that asked. */
    uid: z.string().min(1),
    /** `now`: current conditions; `3h`: the current hour and the next two. */
    period: z.enum(['now', '3h']),
    /** The location stored on the link (`/location`), or null for the configured default city. */
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullable(),
  }),
);
