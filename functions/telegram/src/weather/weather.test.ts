import { subscriptions } from '@plaza/contracts';
import { telegramApiRoot } from '@plaza/emulators/testing';
import { ensureTopology, loadConfig, pubsub } from '@plaza/runtime';
import { linkTokens, telegramConfigSchema, telegramConsumers } from '@plaza/telegram';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageUpdate, newChatId, startBotUnderTest, type BotUnderTest } from '../testing/bot-under-test.ts';
import { pushAudience, pushSigner } from '../testing/push-env.ts';
import { startTestApi } from '../testing/test-api.ts';

/**
 * The webhook's half of /weather, end to end: it answers Telegram at once and only publishes
 * `plaza.telegram.weather.requested.v1`; the reply comes from the telegram module's consumer
 * (functions/modules/telegram/src/weather, tested there on its own), pushed by Pub/Sub to a
 * service mounting it as the gateway does. A project of this file's own: its push subscription
 * for telegram.weather-reply points at this file's service, and no other test file's
 * subscription of the same name can take the pushes.
 */
process.env.GOOGLE_CLOUD_PROJECT = `demo-tg-weather-${Date.now().toString(36)}-${process.pid}`;

let harness: BotUnderTest;

beforeAll(async () => {
  harness = await startBotUnderTest();
  const telegramConfig = loadConfig(telegramConfigSchema, { TELEGRAM_API_ROOT: telegramApiRoot(), TELEGRAM_BOT_TOKEN: harness.bot.token });
  const consumers = telegramConsumers({ config: () => telegramConfig }).filter(({ name }) => name === 'telegram.weather-reply');
  expect(consumers).toHaveLength(1);
  const service = await startTestApi([], consumers);
  await ensureTopology(await pubsub(), {
    pushBaseUrl: service,
    oidc: { serviceAccountEmail: pushSigner, audience: pushAudience },
    ackDeadlineSeconds: 10,
    subscriptions: subscriptions.filter(({ name }) => name === 'telegram.weather-reply'),
  });
});

async function linkedChat(): Promise<number> {
  const chatId = newChatId();
  const { token } = await linkTokens.issue(`weather-member-${chatId}`);
  await harness.inject(messageUpdate(chatId, `/start ${token}`));
  return chatId;
}

/** Sends a /weather command; the webhook answers at once, and the reply arrives through Pub/Sub and the consumer. */
async function askWeather(chatId: number, command: string): Promise<string> {
  const before = (await harness.sentTexts(chatId)).length;
  const delivered = await harness.inject(messageUpdate(chatId, command));
  expect(delivered.status).toBe(200);
  expect(delivered.body ?? '').toBe(''); // nothing said in the webhook's own answer
  await expect.poll(async () => (await harness.sentTexts(chatId)).length, { timeout: 15_000, interval: 100 }).toBe(before + 1);
  return (await harness.sentTexts(chatId)).at(-1)!;
}

describe('/weather through Pub/Sub', () => {
  it('reports the default city for a chat with no stored location', async () => {
    const chatId = await linkedChat();
    const reply = await askWeather(chatId, '/weather now');
    expect(reply).toMatch(/^Weather for Berlin, Germany, \d{2}:\d{2} local time:\n.+, -?\d+°C \(feels like -?\d+°C\), humidity \d+%, wind \d+ km\/h\.$/);
  });

  it('reports the next three hours for the stored location', async () => {
    const chatId = await linkedChat();
    await harness.inject(messageUpdate(chatId, { location: { latitude: 48.85, longitude: 2.35 } }));
    const reply = await askWeather(chatId, '/weather 3h');
    const lines = reply.split('\n');
    expect(lines[0]).toMatch(/^Weather for 48\.85, 2\.35, /);
    expect(lines.slice(2, 4)).toEqual(['', 'Next hours:']);
    expect(lines.slice(4)).toHaveLength(3);
    for (const hour of lines.slice(4)) expect(hour).toMatch(/^\d{2}:\d{2}: .+, -?\d+°C(, \d+% chance of rain)?$/);
  });
});
