import { TelegramLinkStart, TelegramLinkStatus } from '@plaza/contracts';
import { signUpUser } from '@plaza/runtime/testing';
import { telegramModule } from '@plaza/telegram';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageUpdate, newChatId, startBotUnderTest, type BotUnderTest } from './testing/bot-under-test.ts';
import { startTestApi } from './testing/test-api.ts';

/**
 * Linking as a member does it: the dashboard asks the API for a link (POST /v1/telegram/link,
 * signed in), the member opens the deep link and presses Start, which sends `/start <token>` to
 * the bot; the API then reports the chat, and DELETE on the API or /unlink in the bot ends it.
 */
let harness: BotUnderTest;
let api: string;

beforeAll(async () => {
  harness = await startBotUnderTest();
  // The module names the bot in its deep links; read on its first use.
  process.env.TELEGRAM_BOT_USERNAME = harness.bot.user.username;
  api = await startTestApi([telegramModule]);
});

async function member() {
  const user = await signUpUser({ displayName: 'Linus' });
  const headers = { authorization: `Bearer ${user.idToken}` };
  return {
    user,
    async startLink() {
      const response = await fetch(`${api}/v1/telegram/link`, { method: 'POST', headers });
      expect(response.status).toBe(200);
      return TelegramLinkStart.parse(await response.json());
    },
    async status() {
      return TelegramLinkStatus.parse(await (await fetch(`${api}/v1/telegram/link`, { headers })).json());
    },
    unlink: () => fetch(`${api}/v1/telegram/link`, { method: 'DELETE', headers }),
  };
}

async function pressStart(chatId: number, deepLink: string): Promise<string> {
  const token = new URL(deepLink).searchParams.get('start');
  await harness.inject(messageUpdate(chatId, `/start ${token}`, { username: 'linus_tg', first_name: 'Linus' }));
  return (await harness.sentTexts(chatId)).at(-1)!;
}

describe('linking a Telegram chat end to end', () => {
  it('links through the deep link from the API, and unlinks from the API', async () => {
    const linus = await member();
    const { deepLink } = await linus.startLink();
    expect(deepLink).toMatch(new RegExp(`^https://t\\.me/${harness.bot.user.username}\\?start=[A-Za-z0-9_-]{43}$`));
    expect((await linus.status()).linked).toBe(false);

    const chatId = newChatId();
    expect(await pressStart(chatId, deepLink)).toMatch(/^Done: this chat is now linked/);
    expect(await linus.status()).toMatchObject({ linked: true, username: 'linus_tg', firstName: 'Linus', notifications: true });

    // The bot sees the API's preference changes and the other way round.
    await harness.inject(messageUpdate(chatId, '/notify off'));
    expect((await linus.status()).notifications).toBe(false);

    expect((await linus.unlink()).status).toBe(204);
    expect((await linus.unlink()).status).toBe(204);
    expect((await linus.status()).linked).toBe(false);
    await harness.inject(messageUpdate(chatId, '/me'));
    expect((await harness.sentTexts(chatId)).at(-1)).toMatch(/^This chat is not linked/);
  });

  it('refuses the same deep link pressed in a second chat, and /unlink in the bot shows on the API', async () => {
    const linus = await member();
    const { deepLink } = await linus.startLink();
    const chatId = newChatId();
    await pressStart(chatId, deepLink);
    expect(await pressStart(newChatId(), deepLink)).toMatch(/^That link was already used/);
    expect((await linus.status()).linked).toBe(true);

    await harness.inject(messageUpdate(chatId, '/unlink'));
    expect((await linus.status()).linked).toBe(false);
  });
});
