import { localBot } from '@plaza/emulators';
import { loadConfig } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { standInBot, telegramConfigSchema } from './telegram-config.ts';

const load = (env: Record<string, string>) => loadConfig(telegramConfigSchema, env);

describe('telegram config', () => {
  it('sends to Telegram itself, with Telegram’s limits and a margin, and needs the bot from the operator', () => {
    const defaults = load({});
    expect(defaults.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(defaults.TELEGRAM_BOT_USERNAME).toBeUndefined();
    expect(defaults).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      TELEGRAM_CHAT_INTERVAL_MS: 1_100,
      TELEGRAM_BOT_PER_WINDOW: 25,
      TELEGRAM_BOT_WINDOW_MS: 1_000,
    });
    // Pulumi passes unset settings as empty strings.
    const empty = load({ TELEGRAM_API_ROOT: '', TELEGRAM_BOT_USERNAME: '' });
    expect([empty.TELEGRAM_API_ROOT, empty.TELEGRAM_BOT_USERNAME]).toEqual(['https://api.telegram.org', undefined]);
    expect(load({ TELEGRAM_BOT_USERNAME: '@plaza_bot' }).TELEGRAM_BOT_USERNAME).toBe('plaza_bot');
  });

  it('defaults to the stand-in’s built-in bot only against a loopback API root', () => {
    expect(standInBot).toEqual({ token: localBot.token, username: localBot.username });
    expect(load({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9081' })).toMatchObject({ TELEGRAM_BOT_TOKEN: localBot.token, TELEGRAM_BOT_USERNAME: localBot.username });
    expect(load({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9081', TELEGRAM_BOT_USERNAME: 'mine_bot' }).TELEGRAM_BOT_USERNAME).toBe('mine_bot');
    expect(load({ TELEGRAM_API_ROOT: 'https://telegram.example.com' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('refuses a malformed token or username, naming the variable', () => {
    expect(() => load({ TELEGRAM_BOT_TOKEN: 'not-a-token' })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => load({ TELEGRAM_BOT_USERNAME: 'a b' })).toThrow(/TELEGRAM_BOT_USERNAME/);
  });
});
