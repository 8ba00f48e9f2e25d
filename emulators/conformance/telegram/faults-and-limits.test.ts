import { Api, GrammyError } from 'grammy';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clearTelegramFaults,
  failTelegramChat,
  registerTelegramBot,
  setTelegramLimits,
  telegramApiRoot,
  telegramCalls,
  type TestBot,
} from '../../src/testing/index.ts';

/** The failures a notification channel must handle, as grammY's client sees them. */
let bot: TestBot;
let api: Api;

beforeAll(async () => {
  bot = await registerTelegramBot();
  api = new Api(bot.token, { apiRoot: telegramApiRoot() });
});

async function rejection(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe('chat faults', () => {
  it('a chat that blocked the bot answers 403 until the block is lifted; other chats are unaffected', async () => {
    await failTelegramChat(bot.token, { chatId: 8001, kind: 'blocked' });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await rejection(api.sendMessage(8001, 'hello?'))).toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    }
    expect(await api.sendMessage(8002, 'fine')).toMatchObject({ text: 'fine' });
    await clearTelegramFaults(bot.token, 8001);
    expect(await api.sendMessage(8001, 'unblocked')).toMatchObject({ text: 'unblocked' });
    expect((await telegramCalls(bot.token, { chatId: 8001 })).map((call) => call.status)).toEqual([403, 403, 200]);
  });

  it('429 with retry_after, for as many calls as asked', async () => {
    await failTelegramChat(bot.token, { chatId: 8003, kind: 'too_many_requests', retryAfter: 7, times: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await rejection(api.sendMessage(8003, 'hi'));
      expect(error).toMatchObject({ error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    }
    expect(await api.sendMessage(8003, 'through')).toMatchObject({ text: 'through' });
  });
});

describe("Telegram's send limits", () => {
  // Windows of a minute instead of a second, so a slow machine cannot slip a send past a window.
  it('one message per chat per window: the next gets 429 with the wait, other chats still go', async () => {
    const limited = await registerTelegramBot();
    const limitedApi = new Api(limited.token, { apiRoot: telegramApiRoot() });
    await setTelegramLimits(limited.token, { enabled: true, perChat: 1, chatWindowMs: 60_000 });
    await limitedApi.sendMessage(8101, 'first');
    const error = await rejection(limitedApi.sendMessage(8101, 'second'));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBeGreaterThanOrEqual(1);
    expect(error.parameters.retry_after).toBeLessThanOrEqual(60);
    expect(await limitedApi.sendMessage(8102, 'other chat')).toMatchObject({ text: 'other chat' });
  });

  it('a budget across the bot: the send over it gets 429, whatever the chat', async () => {
    const limited = await registerTelegramBot();
    const limitedApi = new Api(limited.token, { apiRoot: telegramApiRoot() });
    await setTelegramLimits(limited.token, { enabled: true, perBot: 3, botWindowMs: 60_000 });
    for (const chat of [8201, 8202, 8203]) await limitedApi.sendMessage(chat, 'ok');
    expect((await rejection(limitedApi.sendMessage(8204, 'one too many'))).error_code).toBe(429);
    await setTelegramLimits(limited.token, { enabled: false });
    expect(await limitedApi.sendMessage(8204, 'limits off')).toMatchObject({ text: 'limits off' });
  });

  it('refuses a control request it cannot read, as a problem', async () => {
    const response = await fetch(`${telegramApiRoot()}/control/bots/${encodeURIComponent(bot.token)}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 'someone', kind: 'blocked' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json(;|$)/);
    expect(await response.json()).toMatchObject({ code: 'invalid-request' });
  });
});
