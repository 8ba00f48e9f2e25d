import { describe, expect, it } from 'vitest';
import { BotApiError } from './bot-api-error.ts';
import { callMethod, isAllowedUpdate, type MethodContext } from './bot-methods.ts';
import { chatFor, createBotState, learnFromUpdate } from './bot-state.ts';
import { createChatFaults } from './chat-faults.ts';
import { createSendLimiter } from './send-limits.ts';

const context = (): MethodContext => ({
  bot: createBotState('42:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { first_name: 'Unit', username: 'unit_bot' }),
  faults: createChatFaults(),
  limiter: createSendLimiter(() => 0),
  now: () => 1_750_000_000_000,
});

function errorOf(run: () => unknown): BotApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof BotApiError) return error;
    throw error;
  }
  throw new Error('expected a Bot API error');
}

describe('isAllowedUpdate', () => {
  it("sends Telegram's default set when allowed_updates is unset or empty, which leaves out chat_member and reactions", () => {
    expect(isAllowedUpdate({ update_id: 1, message: {} }, undefined)).toEqual({ type: 'message', allowed: true });
    expect(isAllowedUpdate({ update_id: 1, chat_member: {} }, [])).toEqual({ type: 'chat_member', allowed: false });
    expect(isAllowedUpdate({ update_id: 1, message_reaction: {} }, undefined).allowed).toBe(false);
  });

  it('sends only the listed types otherwise, opt-in ones included', () => {
    expect(isAllowedUpdate({ update_id: 1, chat_member: {} }, ['chat_member']).allowed).toBe(true);
    expect(isAllowedUpdate({ update_id: 1, message: {} }, ['callback_query']).allowed).toBe(false);
  });
});

describe('chats', () => {
  it('answers a chat as an update showed it, else the plainest chat its id can be', () => {
    const { bot } = context();
    learnFromUpdate(bot, { update_id: 1, message: { chat: { id: 9, type: 'private', first_name: 'Ada', username: 'ada' } } });
    expect(chatFor(bot, 9)).toEqual({ id: 9, type: 'private', first_name: 'Ada', username: 'ada' });
    expect(chatFor(bot, 10)).toMatchObject({ type: 'private' });
    expect(chatFor(bot, -5)).toMatchObject({ type: 'group' });
    expect(chatFor(bot, -1001234)).toMatchObject({ type: 'supergroup' });
  });
});

describe('callMethod', () => {
  it('takes method names in any case, as Telegram does, and 404s unknown ones', () => {
    const ctx = context();
    expect(callMethod(ctx, 'GETME', {}).result).toMatchObject({ id: 42, username: 'unit_bot' });
    expect(errorOf(() => callMethod(ctx, 'getYou', {}))).toMatchObject({ errorCode: 404, description: 'Not Found' });
  });

  it('numbers messages per chat and dates them in seconds', () => {
    const ctx = context();
    const first = callMethod(ctx, 'sendMessage', { chat_id: 1, text: 'a' }).result;
    const other = callMethod(ctx, 'sendMessage', { chat_id: '2', text: 'b' }).result;
    const second = callMethod(ctx, 'sendMessage', { chat_id: 1, text: 'c' }).result;
    expect([first, other, second]).toMatchObject([{ message_id: 1, date: 1_750_000_000 }, { message_id: 1, chat: { id: 2 } }, { message_id: 2 }]);
  });

  it('keeps allowed_updates when setWebhook is called again without them', () => {
    const ctx = context();
    callMethod(ctx, 'setWebhook', { url: 'https://example.test/hook', allowed_updates: ['message'] });
    expect(callMethod(ctx, 'setWebhook', { url: 'https://example.test/other' }).description).toBe('Webhook was set');
    expect(ctx.bot.webhook).toMatchObject({ url: 'https://example.test/other', allowedUpdates: ['message'] });
    expect(callMethod(ctx, 'setWebhook', { url: '' }).description).toBe('Webhook was deleted');
  });

  it('applies a chat fault before the send counts', () => {
    const ctx = context();
    ctx.faults.arm({ chatId: '7', kind: 'too_many_requests', retryAfter: 3, remaining: 1 });
    expect(errorOf(() => callMethod(ctx, 'sendMessage', { chat_id: 7, text: 'x' })).toJSON()).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    expect(callMethod(ctx, 'sendMessage', { chat_id: 7, text: 'x' }).result).toMatchObject({ message_id: 1 });
  });
});
