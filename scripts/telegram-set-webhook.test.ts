import { menuCommands } from '@plaza/telegram-webhook';
import { startTelegramEmulator } from '@plaza/emulators';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTelegramWebhook } from './telegram-set-webhook.ts';

/** The Telegram Bot API stand-in from the emulator suite, started for this file on a free port. */
let apiRoot: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const telegram = await startTelegramEmulator({ port: 0 });
  apiRoot = `http://${telegram.host}`;
  stop = () => telegram.stop();
});
afterAll(() => stop());

async function registerBot(): Promise<string> {
  const response = await fetch(`${apiRoot}/control/bots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await response.json()) as { token: string }).token;
}

async function botState(token: string): Promise<{ webhook: Record<string, unknown> | null; commands: unknown }> {
  return (await (await fetch(`${apiRoot}/control/bots/${encodeURIComponent(token)}`)).json()) as { webhook: Record<string, unknown> | null; commands: unknown };
}

async function bot(token: string, method: string): Promise<unknown> {
  const body = (await (await fetch(`${apiRoot}/bot${token}/${method}`)).json()) as { ok: boolean; result: unknown };
  expect(body.ok).toBe(true);
  return body.result;
}

const script = fileURLToPath(new URL('./telegram-set-webhook.ts', import.meta.url));

describe('telegram-set-webhook', () => {
  it('sets the webhook with the secret and the handled update types, and registers the command menu', async () => {
    const token = await registerBot();
    const env = { TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: 'release-secret_1', TELEGRAM_WEBHOOK_URL: 'https://telegram-webhook-abc.a.run.app', TELEGRAM_API_ROOT: apiRoot };
    const result = await setTelegramWebhook(env);
    expect(result).toEqual({ url: env.TELEGRAM_WEBHOOK_URL, allowedUpdates: ['message'], commands: ['/start', '/help', '/me', '/weather', '/location', '/notify', '/unlink'] });

    expect(await bot(token, 'getWebhookInfo')).toMatchObject({ url: env.TELEGRAM_WEBHOOK_URL, allowed_updates: ['message'], pending_update_count: 0 });
    expect(await bot(token, 'getMyCommands')).toEqual(menuCommands());
    expect((await botState(token)).webhook).toMatchObject({ secretToken: 'release-secret_1' });

    // Every release runs it again: same state.
    await setTelegramWebhook(env);
    expect(await bot(token, 'getMyCommands')).toEqual(menuCommands());
  });

  it('runs as the release workflow runs it, and refuses missing variables without printing values', async () => {
    const token = await registerBot();
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', script], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const ok = await run({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: 's3cret', TELEGRAM_WEBHOOK_URL: 'https://hook.example/', TELEGRAM_API_ROOT: apiRoot });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Telegram webhook set to https://hook.example/ (updates: message); commands: /start /help');
    expect(await bot(token, 'getWebhookInfo')).toMatchObject({ url: 'https://hook.example/' });

    const missing = await run({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TELEGRAM_WEBHOOK_SECRET, TELEGRAM_WEBHOOK_URL');
    expect(missing.stderr).not.toContain(token);
  });

  it('fails with the Bot API error for a token Telegram does not know', async () => {
    await expect(
      setTelegramWebhook({ TELEGRAM_BOT_TOKEN: '123456:AAnotARegisteredTokenAtAll12345', TELEGRAM_WEBHOOK_SECRET: 's', TELEGRAM_WEBHOOK_URL: 'https://hook.example/', TELEGRAM_API_ROOT: apiRoot }),
    ).rejects.toThrow(/Unauthorized/);
  });
});
