import { firestore } from '@plaza/runtime';
import { telegramCalls } from '@plaza/emulators/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageUpdate, newChatId, startBotUnderTest, type BotUnderTest } from './testing/bot-under-test.ts';
import { telegramUpdatesCollection, updateClaimId } from './update-claims.ts';

let harness: BotUnderTest;

beforeAll(async () => {
  harness = await startBotUnderTest();
});

const post = (body: string, secret?: string) =>
  fetch(`${harness.origin}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body,
  });

const claimExists = async (updateId: number) => (await (await firestore()).collection(telegramUpdatesCollection).doc(updateClaimId(harness.bot.user.id, updateId)).get()).exists;

describe('the Telegram webhook', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${harness.origin}/healthz`);
    expect(response.status).toBe(200);
  });

  it('refuses a missing or wrong secret token with 401 and does nothing', async () => {
    const chatId = newChatId();
    const update = JSON.stringify({ update_id: 910_000_001, ...messageUpdate(chatId, '/help') });
    expect((await post(update)).status).toBe(401);
    expect((await post(update, 'not-the-secret')).status).toBe(401);
    expect((await post(update, `${harness.secret}x`)).status).toBe(401);
    expect(await telegramCalls(harness.bot.token, { chatId })).toEqual([]);
    expect(await claimExists(910_000_001)).toBe(false);
    expect(harness.logs.some((line) => line.message.includes('wrong or missing secret token'))).toBe(true);
  });

  it('answers 200 to malformed updates, does nothing, and logs each', async () => {
    const before = harness.logs.length;
    for (const body of ['not json at all', '[]', '{"update_id":"seven"}', '{"message":{"text":"/help"}}', '{"update_id":-1}', 'null']) {
      const response = await post(body, harness.secret);
      expect(response.status, body).toBe(200);
      expect(await response.text()).toBe('');
    }
    const warnings = harness.logs.slice(before).filter((line) => line.message === 'malformed update acknowledged and ignored');
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toMatchObject({ severity: 'WARNING', reason: 'body is not JSON' });
    expect(String(warnings[2]?.reason)).toContain('update_id');
  });

  it('processes an update redelivered twice only once: one reply', async () => {
    const chatId = newChatId();
    const update = { update_id: 910_000_100 + (chatId % 1000), ...messageUpdate(chatId, '/help') };
    const first = await harness.inject(update);
    const second = await harness.inject(update);
    const third = await harness.inject(update);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(await harness.sentTexts(chatId)).toHaveLength(1);
    expect(harness.logs.filter((line) => line.updateId === update.update_id && line.message === 'update already processed; redelivery ignored')).toHaveLength(2);
  });

  it('ignores messages from bots', async () => {
    const chatId = newChatId();
    const delivered = await harness.inject(messageUpdate(chatId, '/help', { is_bot: true, first_name: 'Other bot' }));
    expect(delivered.status).toBe(200);
    expect(await telegramCalls(harness.bot.token, { chatId })).toEqual([]);
    expect(await claimExists(delivered.update_id)).toBe(false);
  });

  it('answers an unknown command with the list of commands', async () => {
    const chatId = newChatId();
    const delivered = await harness.inject(messageUpdate(chatId, '/dance now'));
    // The reply rides in the webhook's response: no extra call to Telegram.
    expect(JSON.parse(delivered.body ?? '')).toMatchObject({ method: 'sendMessage', chat_id: chatId });
    expect((await telegramCalls(harness.bot.token, { chatId })).map((call) => call.via)).toEqual(['webhook-reply']);
    const [reply] = await harness.sentTexts(chatId);
    expect(reply).toContain("I don't know /dance.");
    for (const command of ['/help', '/weather now | /weather 3h', '/location', '/notify on | /notify off', '/unlink', '/me', '/start']) expect(reply).toContain(command);
    expect(reply).toContain('This chat is not linked yet');
  });

  it('answers plain text with the list of commands', async () => {
    const chatId = newChatId();
    await harness.inject(messageUpdate(chatId, 'hello there'));
    const [reply] = await harness.sentTexts(chatId);
    expect(reply).toMatch(/^I answer commands only\./);
    expect(reply).toContain('/help - List the commands');
  });

  it('ignores group chats', async () => {
    const chatId = -newChatId();
    const update = messageUpdate(chatId, '/help');
    (update.message as { chat: { type: string } }).chat.type = 'group';
    expect((await harness.inject(update)).status).toBe(200);
    expect(await telegramCalls(harness.bot.token, { chatId })).toEqual([]);
  });
});
