import { linkTokens, links } from '@plaza/telegram';
import { signUpUser } from '@plaza/runtime/testing';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageUpdate, newChatId, startBotUnderTest, type BotUnderTest } from '../testing/bot-under-test.ts';
import { startTestApi } from '../testing/test-api.ts';
import { telegramCalls } from '@plaza/emulators/testing';

let harness: BotUnderTest;
let api: string;
const weatherRequests: unknown[] = [];

beforeAll(async () => {
  // The weather consumer has its own test (weather.test.ts); here only what the webhook publishes.
  harness = await startBotUnderTest({ requestWeather: async (request) => void weatherRequests.push(request) });
  api = await startTestApi();
});

/** Sends a message and returns the bot's one reply to it. */
async function say(chatId: number, content: string | Record<string, unknown>): Promise<string> {
  const before = (await harness.sentTexts(chatId)).length;
  const delivered = await harness.inject(messageUpdate(chatId, content));
  expect(delivered.status).toBe(200);
  const texts = await harness.sentTexts(chatId);
  expect(texts.length, `one reply to ${JSON.stringify(content)}`).toBe(before + 1);
  return texts.at(-1)!;
}

/** A member with an identity profile (their first /v1/me creates it) and a chat linked to them. */
async function linkedMember(displayName = 'Ada Lovelace') {
  const user = await signUpUser({ displayName });
  expect((await fetch(`${api}/v1/me`, { headers: { authorization: `Bearer ${user.idToken}` } })).status).toBe(200);
  const chatId = newChatId();
  const { token } = await linkTokens.issue(user.uid);
  expect(await say(chatId, `/start ${token}`)).toMatch(/^Done: this chat is now linked/);
  return { user, chatId, token };
}

describe('/start', () => {
  it('without a token welcomes and explains linking from the dashboard', async () => {
    const reply = await say(newChatId(), '/start');
    expect(reply).toMatch(/^Welcome to Plaza!/);
    expect(reply).toContain(`sign in at ${harness.appUrl}, choose "Link Telegram"`);
  });

  it('with a token links the chat; the same /start again says it is already linked', async () => {
    const { user, chatId, token } = await linkedMember();
    expect(await links.findByChat(chatId)).toMatchObject({ uid: user.uid, chatId, username: 'ada_tg', firstName: 'Ada', notifications: true });
    expect(await say(chatId, `/start ${token}`)).toMatch(/^This chat is already linked/);
    expect(await say(chatId, '/start')).toMatch(/^Welcome back!/);
  });

  it('refuses a token already used by another chat', async () => {
    const { token } = await linkedMember();
    const other = newChatId();
    expect(await say(other, `/start ${token}`)).toMatch(/^That link was already used\. Each link works once/);
    expect(await links.findByChat(other)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const user = await signUpUser();
    const { token } = await linkTokens.issue(user.uid, new Date(Date.now() - 11 * 60_000));
    const chatId = newChatId();
    expect(await say(chatId, `/start ${token}`)).toMatch(/^That link has expired \(links last 10 minutes\)/);
    expect(await links.findByChat(chatId)).toBeNull();
  });

  it('refuses a forged token', async () => {
    const chatId = newChatId();
    for (const forged of [randomBytes(32).toString('base64url'), 'not-a-token', 'x'.repeat(64)]) {
      expect(await say(chatId, `/start ${forged}`)).toMatch(/^That link is not valid/);
    }
    expect(await links.findByChat(chatId)).toBeNull();
  });
});

describe('commands that need a link', () => {
  it('tell an unlinked chat to link first', async () => {
    const chatId = newChatId();
    for (const command of ['/me', '/weather now', '/location', '/notify off']) {
      expect(await say(chatId, command)).toMatch(/^This chat is not linked to a Plaza account yet/);
    }
    expect(weatherRequests).not.toContainEqual(expect.objectContaining({ chatId }));
  });
});

describe('/help', () => {
  it('lists every command and says whether the chat is linked', async () => {
    const unlinked = await say(newChatId(), '/help');
    expect(unlinked.split('\n').filter((line) => line.startsWith('/'))).toEqual([
      '/start - Welcome, and link this chat to your Plaza account',
      '/help - List the commands',
      '/me - Show the Plaza profile this chat is linked to',
      '/weather now | /weather 3h - The weather now, or for the next 3 hours (/weather 3h)',
      '/location - Share your location for the weather',
      '/notify on | /notify off - Turn Plaza notifications in this chat on or off (/notify on, /notify off)',
      '/unlink - Unlink this chat from your Plaza account',
    ]);
    expect(unlinked).toContain('This chat is not linked yet');
    const { chatId } = await linkedMember();
    expect(await say(chatId, '/help')).toContain('This chat is linked to your Plaza account.');
  });
});

describe('/me', () => {
  it("shows the linked member's profile and the chat's settings", async () => {
    const { chatId } = await linkedMember('Grace Hopper');
    const reply = await say(chatId, '/me');
    expect(reply).toMatch(/^You are Grace Hopper\./);
    expect(reply).toMatch(/Member since \d{4}-\d{2}-\d{2}\./);
    expect(reply).toContain('Notifications here: on');
    expect(reply).toContain('Weather location: not set');
  });
});

describe('/location', () => {
  it('asks for the location with a request_location button, and stores the shared location on the link', async () => {
    const { user, chatId } = await linkedMember();
    expect(await say(chatId, '/location')).toMatch(/^Press the button below to share your location/);
    const [ask] = (await telegramCalls(harness.bot.token, { method: 'sendMessage', chatId })).slice(-1);
    expect(ask?.params.reply_markup).toMatchObject({ keyboard: [[{ text: '📍 Share my location', request_location: true }]], one_time_keyboard: true });

    const saved = await say(chatId, { location: { latitude: 48.8566, longitude: 2.3522 } });
    expect(saved).toBe('Saved your location (48.86, 2.35). /weather now reports for it.');
    expect((await links.findByChat(chatId))?.location).toMatchObject({ lat: 48.8566, lon: 2.3522 });
    expect(await say(chatId, '/me')).toContain('Weather location: 48.86, 2.35');

    await harness.inject(messageUpdate(chatId, '/weather 3h'));
    expect(weatherRequests).toContainEqual({ chatId, uid: user.uid, period: '3h', location: { latitude: 48.8566, longitude: 2.3522 } });
  });

  it('tells an unlinked chat that shares a location to link first', async () => {
    expect(await say(newChatId(), { location: { latitude: 1, longitude: 2 } })).toMatch(/^This chat is not linked/);
  });
});

describe('/weather', () => {
  it('publishes now or 3h for the consumer, without replying itself, and explains a bad period', async () => {
    const { user, chatId } = await linkedMember();
    for (const [command, period] of [['/weather', 'now'], ['/weather now', 'now'], ['/weather 3h', '3h']] as const) {
      const delivered = await harness.inject(messageUpdate(chatId, command));
      expect(delivered.status).toBe(200);
      expect(weatherRequests.at(-1)).toEqual({ chatId, uid: user.uid, period, location: null });
    }
    expect(await say(chatId, '/weather tomorrow')).toMatch(/^Try \/weather now/);
  });
});

describe('/notify', () => {
  it('turns notifications off and on, and says where they stand without an argument', async () => {
    const { chatId } = await linkedMember();
    expect(await say(chatId, '/notify off')).toMatch(/^Notifications are off/);
    expect((await links.findByChat(chatId))?.notifications).toBe(false);
    expect(await say(chatId, '/notify')).toMatch(/^Notifications here are off/);
    expect(await say(chatId, '/notify on')).toMatch(/^Notifications are on/);
    expect((await links.findByChat(chatId))?.notifications).toBe(true);
  });
});

describe('/unlink', () => {
  it('removes the link, and a second /unlink says there is none', async () => {
    const { user, chatId } = await linkedMember();
    expect(await say(chatId, '/unlink')).toMatch(/^This chat is no longer linked/);
    expect(await links.findByChat(chatId)).toBeNull();
    expect(await links.findByUser(user.uid)).toBeNull();
    expect(await say(chatId, '/unlink')).toMatch(/^This chat is not linked to a Plaza account, so there is nothing to unlink/);
    expect(await say(chatId, '/me')).toMatch(/^This chat is not linked/);
  });
});
