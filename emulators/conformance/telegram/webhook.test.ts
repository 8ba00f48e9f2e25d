import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, webhookCallback } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectTelegramUpdate, registerTelegramBot, telegramApiRoot, telegramCalls, type TestBot } from '../../src/testing/index.ts';

/**
 * Updates injected through the control API reach a real grammY bot served by grammY's own
 * webhookCallback, which checks X-Telegram-Bot-Api-Secret-Token, and the bot's replies come back
 * to the stand-in through grammY's client.
 */
let testBot: TestBot;
let bot: Bot;
let server: Server;
let webhookUrl: string;
const secret = 'conformance_SECRET-1';

beforeAll(async () => {
  testBot = await registerTelegramBot();
  bot = new Bot(testBot.token, { client: { apiRoot: telegramApiRoot() } });
  bot.command('start', (ctx) => ctx.reply(`Hello, ${ctx.from?.first_name ?? 'you'}`));
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: `Got ${ctx.callbackQuery.data}` }));
  await bot.init(); // getMe, through the stand-in
  server = createServer(webhookCallback(bot, 'http', { secretToken: secret }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const startMessage = (chatId: number) => ({
  message: {
    message_id: 10,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Ada', username: `ada${chatId}` },
    from: { id: chatId, is_bot: false, first_name: 'Ada' },
    text: '/start',
    entities: [{ type: 'bot_command', offset: 0, length: 6 }],
  },
});

describe('webhook delivery', () => {
  it('POSTs the update with the secret token, and the bot’s reply arrives', async () => {
    await bot.api.setWebhook(webhookUrl, { secret_token: secret });
    const injected = await injectTelegramUpdate(testBot.token, startMessage(7001));
    expect(injected).toMatchObject({ delivered: true, status: 200 });
    expect(injected.update_id).toBeGreaterThan(0);

    const replies = await telegramCalls(testBot.token, { method: 'sendMessage', chatId: 7001 });
    expect(replies).toHaveLength(1);
    // The chat the update showed is the chat the reply names.
    expect(replies[0]?.result).toMatchObject({ text: 'Hello, Ada', chat: { id: 7001, first_name: 'Ada', username: 'ada7001' } });
    expect(await bot.api.sendMessage('@ada7001', 'by username')).toMatchObject({ chat: { id: 7001 } });
  });

  it('keeps update_id increasing, and takes one a test gives', async () => {
    await bot.api.setWebhook(webhookUrl, { secret_token: secret });
    const first = await injectTelegramUpdate(testBot.token, startMessage(7002));
    const second = await injectTelegramUpdate(testBot.token, startMessage(7002));
    expect(second.update_id).toBe(first.update_id + 1);
    expect((await injectTelegramUpdate(testBot.token, { ...startMessage(7002), update_id: 900_000_000 })).update_id).toBe(900_000_000);
  });

  it('a webhook that refuses the secret shows up as the status and in getWebhookInfo', async () => {
    await bot.api.setWebhook(webhookUrl, { secret_token: 'another_secret' });
    const injected = await injectTelegramUpdate(testBot.token, startMessage(7003));
    expect(injected).toMatchObject({ delivered: true, status: 401 });
    expect(await bot.api.getWebhookInfo()).toMatchObject({ last_error_message: 'Wrong response from the webhook: 401 Unauthorized' });
    expect(await telegramCalls(testBot.token, { method: 'sendMessage', chatId: 7003 })).toEqual([]);
  });

  it('sends only the update types allowed_updates lists', async () => {
    await bot.api.setWebhook(webhookUrl, { secret_token: secret, allowed_updates: ['message'] });
    const query = { callback_query: { id: 'q-7004', from: { id: 7004, is_bot: false, first_name: 'Ada' }, chat_instance: '7', data: 'x' } };
    expect(await injectTelegramUpdate(testBot.token, query)).toMatchObject({ delivered: false, reason: 'allowed_updates does not include callback_query' });

    await bot.api.setWebhook(webhookUrl, { secret_token: secret, allowed_updates: ['message', 'callback_query'] });
    expect(await injectTelegramUpdate(testBot.token, query)).toMatchObject({ delivered: true, status: 200 });
    expect(await telegramCalls(testBot.token, { method: 'answerCallbackQuery' })).toMatchObject([{ ok: true, params: { callback_query_id: 'q-7004', text: 'Got x' } }]);
  });

  it('refuses to inject without a webhook', async () => {
    await bot.api.deleteWebhook();
    const response = await fetch(`${telegramApiRoot()}/control/bots/${encodeURIComponent(testBot.token)}/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(startMessage(7005)),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'no-webhook' });
  });

  it('runs a method the webhook puts in its response, as Telegram does', async () => {
    const replying = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ method: 'sendMessage', chat_id: 7006, text: 'webhook reply' }));
    });
    await new Promise<void>((resolve) => replying.listen(0, '127.0.0.1', resolve));
    try {
      await bot.api.setWebhook(`http://127.0.0.1:${(replying.address() as AddressInfo).port}/`);
      const injected = await injectTelegramUpdate(testBot.token, startMessage(7006));
      expect(injected.webhook_reply).toMatchObject({ ok: true, result: { text: 'webhook reply' } });
      expect(await telegramCalls(testBot.token, { chatId: 7006 })).toMatchObject([{ method: 'sendMessage', via: 'webhook-reply' }]);
    } finally {
      await new Promise<void>((resolve) => replying.close(() => resolve()));
    }
  });
});
