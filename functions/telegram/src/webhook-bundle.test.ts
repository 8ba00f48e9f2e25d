import { localBot } from '@plaza/emulators';
import { registerTelegramBot, telegramApiRoot, telegramCalls } from '@plaza/emulators/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../../gateway/bench/spawn-server.ts';
import { buildBundle, lazySdks } from '../../gateway/scripts/bundle.ts';
import { buildTelegramWebhook } from '../scripts/build.ts';

const directory = await mkdtemp(join(tmpdir(), 'plaza-telegram-bundle-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('the Telegram webhook bundle', () => {
  it('is one ESM file exporting telegramWebhook, reaching the Google SDKs only through dynamic imports', async () => {
    const bundle = await buildTelegramWebhook(join(directory, 'index.mjs'));
    for (const { path, kind } of bundle.sdkImports) {
      expect(lazySdks.some((sdk) => path.startsWith(sdk))).toBe(true);
      expect(kind).toBe('dynamic-import');
    }
    const manifest = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8')) as { main: string; type: string };
    expect(manifest).toMatchObject({ main: 'index.mjs', type: 'module' });
    const source = await readFile(bundle.outfile, 'utf8');
    expect(source).toMatch(/export\s*\{[^}]*telegramWebhook/);
  });

  it('serves the webhook from the bundle as a Functions Framework host would, outside the repository', async () => {
    const host = join(directory, 'host.mjs');
    await buildBundle({ entry: fileURLToPath(new URL('../bench/function-host.ts', import.meta.url)), outfile: host });
    const secret = 'bundle-test-secret';
    const server = await spawnServer(host, { path: '/healthz' }, {
      TELEGRAM_BOT_TOKEN: localBot.token,
      TELEGRAM_BOT_USERNAME: localBot.username,
      TELEGRAM_WEBHOOK_SECRET: secret,
      LOG_LEVEL: 'silent',
    });
    try {
      expect(await (await fetch(`${server.origin}/healthz`)).text()).toBe('ok');
      const refused = await fetch(`${server.origin}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"update_id":1}' });
      expect(refused.status).toBe(401);
      const malformed = await fetch(`${server.origin}/`, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': secret }, body: 'nope' });
      expect(malformed.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("speaks the Bot API on Node's own fetch (node-fetch aliased away), errors included", async () => {
    const probe = join(directory, 'probe.mjs');
    await buildBundle({ entry: fileURLToPath(new URL('../bench/bot-api-probe.ts', import.meta.url)), outfile: probe });
    expect(await readFile(probe, 'utf8')).not.toContain('node-fetch');
    const bot = await registerTelegramBot();
    const { stdout } = await promisify(execFile)(process.execPath, [probe], {
      env: { PATH: process.env.PATH ?? '', TELEGRAM_BOT_TOKEN: bot.token, TELEGRAM_API_ROOT: telegramApiRoot(), PROBE_CHAT_ID: '4242' },
    });
    expect(JSON.parse(stdout)).toEqual({ username: bot.user.username, text: 'probe', refused: '400 Bad Request: message text is empty' });
    const [call] = await telegramCalls(bot.token, { method: 'sendMessage', chatId: 4242 });
    expect(call?.params.reply_markup).toMatchObject({ keyboard: [[{ text: 'Share', request_location: true }]] });
  });
});
