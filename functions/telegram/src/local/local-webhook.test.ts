import { injectTelegramUpdate, registerTelegramBot, telegramApiRoot, telegramCalls } from '@plaza/emulators/testing';
import { Api } from 'grammy';
import { afterAll, describe, expect, it } from 'vitest';
import { menuCommands } from '../commands/registry.ts';
import { messageUpdate, newChatId } from '../testing/bot-under-test.ts';
import { localBotWalkthrough, startLocalTelegramWebhook } from './local-webhook.ts';

describe("npm start's Telegram webhook", () => {
  it('registers itself with the stand-in (webhook and command menu) and answers the bot’s updates', async () => {
    const { token, user } = await registerTelegramBot();
    const webhook = await startLocalTelegramWebhook({ bot: { token, username: user.username, first_name: user.first_name }, appUrl: 'http://127.0.0.1:5000', logLevel: 'silent' });
    afterAll(webhook.close);
    const api = new Api(token, { apiRoot: telegramApiRoot() });
    expect(await api.getWebhookInfo()).toMatchObject({ url: webhook.url, allowed_updates: ['message'] });
    expect(await api.getMyCommands()).toEqual(menuCommands());

    const chatId = newChatId();
    expect((await injectTelegramUpdate(token, messageUpdate(chatId, '/start'))).status).toBe(200);
    const [reply] = await telegramCalls(token, { method: 'sendMessage', chatId });
    expect(String(reply?.params.text)).toMatch(/^Welcome to Plaza!/);

    const walkthrough = localBotWalkthrough(telegramApiRoot(), webhook);
    expect(walkthrough).toContain(`${telegramApiRoot()}/control/bots/${encodeURIComponent(token)}/updates`);
    expect(walkthrough).toContain(`@${user.username} posts its updates to ${webhook.url}`);
  });
});
