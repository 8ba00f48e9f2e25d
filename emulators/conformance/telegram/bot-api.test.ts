import { Api, GrammyError } from 'grammy';
import { beforeAll, describe, expect, it } from 'vitest';
import { injectTelegramUpdate, registerTelegramBot, telegramApiRoot, telegramCalls, type TestBot } from '../../src/testing/index.ts';

/**
 * The Bot API stand-in through grammY's own client (`client.apiRoot`), the proof that a real
 * Telegram library works against it unchanged; raw fetch only where grammY would never send what
 * is checked (other body encodings, wrong paths). Each file registers bots of its own.
 */
let bot: TestBot;
let api: Api;
const apiRoot = () => telegramApiRoot();

beforeAll(async () => {
  bot = await registerTelegramBot({ username: 'conformance_api_bot', first_name: 'Conformance' });
  api = new Api(bot.token, { apiRoot: apiRoot() });
});

async function rejection(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

const raw = (token: string, method: string, init?: RequestInit) => fetch(`${apiRoot()}/bot${token}/${method}`, init);

describe('Bot API methods', () => {
  it('getMe answers the bot', async () => {
    const me = await api.getMe();
    expect(me).toEqual({ ...bot.user, username: 'conformance_api_bot', first_name: 'Conformance', is_bot: true });
    expect(me.id).toBe(Number(bot.token.split(':')[0]));
  });

  it('sendMessage answers a Message and records the call', async () => {
    const first = await api.sendMessage(5001, 'Hello');
    const second = await api.sendMessage(5001, 'Again', { reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] } });
    expect(first).toMatchObject({ message_id: 1, from: { id: bot.user.id, is_bot: true }, chat: { id: 5001, type: 'private' }, text: 'Hello' });
    expect(first.date).toBeGreaterThan(1_600_000_000);
    expect(second.message_id).toBe(2);
    expect(second.reply_markup).toEqual({ inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] });

    const calls = await telegramCalls(bot.token, { method: 'sendMessage', chatId: 5001 });
    expect(calls.map((call) => call.params.text)).toEqual(['Hello', 'Again']);
    expect(calls[0]).toMatchObject({ method: 'sendMessage', ok: true, status: 200, via: 'http', params: { chat_id: 5001 } });
  });

  it('answers HTML messages with the text their markup was taken from', async () => {
    const sent = await api.sendMessage(5002, '<b>Bold</b> &amp; plain', { parse_mode: 'HTML' });
    expect(sent.text).toBe('Bold & plain');
  });

  it('sendLocation answers a Message with the location', async () => {
    const sent = await api.sendLocation(5003, 52.52, 13.41);
    expect(sent.location).toEqual({ latitude: 52.52, longitude: 13.41 });
  });

  it('takes form-urlencoded, multipart and query-string parameters as Telegram does', async () => {
    const form = await raw(bot.token, 'sendMessage', { method: 'POST', body: new URLSearchParams({ chat_id: '5004', text: 'form' }) });
    expect(await form.json()).toMatchObject({ ok: true, result: { chat: { id: 5004 }, text: 'form' } });

    const multipart = new FormData();
    multipart.set('chat_id', '5004');
    multipart.set('text', 'multipart');
    multipart.set('reply_markup', JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }));
    const sent = await raw(bot.token, 'sendMessage', { method: 'POST', body: multipart });
    expect(await sent.json()).toMatchObject({ ok: true, result: { text: 'multipart', reply_markup: { inline_keyboard: [[{ text: 'A' }]] } } });

    const viaGet = await raw(bot.token, 'sendMessage?chat_id=5004&text=query');
    expect(await viaGet.json()).toMatchObject({ ok: true, result: { text: 'query' } });
  });

  it('refuses bad parameters with 400 and Telegram’s descriptions', async () => {
    expect(await rejection(api.sendMessage(5005, ''))).toMatchObject({ error_code: 400, description: 'Bad Request: message text is empty' });
    expect(await rejection(api.sendMessage('@nobody_here', 'hi'))).toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
    expect(await rejection(api.sendMessage(5005, 'x'.repeat(4097)))).toMatchObject({ description: 'Bad Request: message is too long' });
    const noChat = await raw(bot.token, 'sendMessage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    expect(noChat.status).toBe(400);
    expect(await noChat.json()).toEqual({ ok: false, error_code: 400, description: 'Bad Request: chat_id is empty' });
  });

  it('answers 401 Unauthorized for a token it does not know, 404 for a path that is no token', async () => {
    const stranger = new Api('123456789:AAThisTokenWasNeverRegisteredAnywhere', { apiRoot: apiRoot() });
    expect(await rejection(stranger.getMe())).toMatchObject({ error_code: 401, description: 'Unauthorized' });
    const notAToken = await raw('not-a-token', 'getMe');
    expect(notAToken.status).toBe(404);
    expect(await notAToken.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('answers 404 Not Found for a method that does not exist, and records it', async () => {
    const response = await raw(bot.token, 'sendHologram', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    expect(await telegramCalls(bot.token, { method: 'sendHologram' })).toMatchObject([{ ok: false, error_code: 404 }]);
  });

  it('keeps commands per scope and language', async () => {
    await api.setMyCommands([{ command: 'help', description: 'What I can do' }, { command: 'weather', description: 'The weather' }]);
    await api.setMyCommands([{ command: 'hilfe', description: 'Was ich kann' }], { language_code: 'de' });
    await api.setMyCommands([{ command: 'ban', description: 'Ban someone' }], { scope: { type: 'chat', chat_id: -1001 } });
    expect((await api.getMyCommands()).map((entry) => entry.command)).toEqual(['help', 'weather']);
    expect((await api.getMyCommands({ language_code: 'de' })).map((entry) => entry.command)).toEqual(['hilfe']);
    expect((await api.getMyCommands({ scope: { type: 'chat', chat_id: -1001 } })).map((entry) => entry.command)).toEqual(['ban']);
    expect(await rejection(api.setMyCommands([{ command: 'Not Valid', description: 'x' }]))).toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });
    await api.deleteMyCommands({ language_code: 'de' });
    expect(await api.getMyCommands({ language_code: 'de' })).toEqual([]);
  });

  it('sets, reports and deletes the webhook', async () => {
    expect(await api.getWebhookInfo()).toEqual({ url: '', has_custom_certificate: false, pending_update_count: 0 });
    expect(await api.setWebhook('http://127.0.0.1:9/hook', { secret_token: 'abc_DEF-123', allowed_updates: ['message', 'callback_query'] })).toBe(true);
    expect(await api.getWebhookInfo()).toMatchObject({ url: 'http://127.0.0.1:9/hook', allowed_updates: ['message', 'callback_query'], max_connections: 40 });
    expect(await rejection(api.setWebhook('http://127.0.0.1:9/hook', { secret_token: 'no spaces allowed' }))).toMatchObject({
      description: 'Bad Request: secret token contains unallowed characters',
    });
    expect(await rejection(api.getUpdates())).toMatchObject({ error_code: 409 });
    expect(await api.deleteWebhook()).toBe(true);
    expect((await api.getWebhookInfo()).url).toBe('');
    expect(await api.getUpdates()).toEqual([]);
  });

  it('answers a callback query only once, and only one it delivered', async () => {
    expect(await rejection(api.answerCallbackQuery('never-delivered'))).toMatchObject({
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    // Delivery needs a webhook; an unreachable one still teaches the stand-in the query id.
    await api.setWebhook('http://127.0.0.1:9/unreachable');
    const injected = await injectTelegramUpdate(bot.token, {
      callback_query: { id: 'cbq-1', from: { id: 5006, is_bot: false, first_name: 'Ada' }, chat_instance: '1', data: 'ok' },
    });
    expect(injected).toMatchObject({ delivered: false, reason: 'Connection refused' });
    expect(await api.answerCallbackQuery('cbq-1', { text: 'Done' })).toBe(true);
    expect(await rejection(api.answerCallbackQuery('cbq-1'))).toMatchObject({ error_code: 400 });
    await api.deleteWebhook();
  });
});
