import { Api } from 'grammy';
import { z } from 'zod';
import { botTokenSchema } from '../webhook-config.ts';

const botApiConfigSchema = z.object({
  TELEGRAM_BOT_TOKEN: botTokenSchema,
  // Pulumi passes an unset setting as an empty string.
  TELEGRAM_API_ROOT: z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
});

let api: Api | undefined;

/**
 * The Bot API client for what runs outside the webhook (the consumers, in the service hosting the
 * telegram module): the token and API root from the environment, read on first use.
 */
export function botApi(): Api {
  if (!api) {
    const config = botApiConfigSchema.parse(process.env);
    api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
  }
  return api;
}
