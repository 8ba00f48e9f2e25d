import { ConfigError, loadConfig } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { botInfoFrom } from './bot-info.ts';
import { telegramWebhookConfigSchema } from './webhook-config.ts';

const valid = {
  TELEGRAM_BOT_TOKEN: '7000000001:AAPlazaLocalBotTokenForTheEmulator1',
  TELEGRAM_WEBHOOK_SECRET: 'a-secret_1',
  TELEGRAM_BOT_USERNAME: '@plaza_local_bot',
};

describe('the webhook config', () => {
  it('takes the bot identity from the environment; empty settings (as Pulumi passes unset ones) mean the defaults', () => {
    const config = loadConfig(telegramWebhookConfigSchema, { ...valid, TELEGRAM_API_ROOT: '', APP_URL: '', TELEGRAM_BOT_NAME: '' });
    expect(config).toMatchObject({ TELEGRAM_BOT_USERNAME: 'plaza_local_bot', TELEGRAM_API_ROOT: 'https://api.telegram.org', APP_URL: 'http://127.0.0.1:5000', TELEGRAM_BOT_NAME: 'Plaza', TELEGRAM_WEBHOOK_TIMEOUT_MS: 8000 });
    // getMe's answer without calling getMe: the id is the token's prefix.
    expect(botInfoFrom(config)).toMatchObject({ id: 7000000001, is_bot: true, username: 'plaza_local_bot', first_name: 'Plaza' });
  });

  it('names every bad variable, never a value', () => {
    const load = () => loadConfig(telegramWebhookConfigSchema, { TELEGRAM_BOT_TOKEN: 'secret-but-malformed', TELEGRAM_WEBHOOK_SECRET: 'has spaces in it', TELEGRAM_BOT_USERNAME: 'x' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const message = (error as Error).message;
      for (const variable of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_BOT_USERNAME']) expect(message).toContain(`  - ${variable}: `);
      expect(message).not.toContain('secret-but-malformed');
    }
  });
});
