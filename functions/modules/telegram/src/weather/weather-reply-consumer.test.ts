import { serve } from '@hono/node-server';
import { subscriptions, telegramWeatherRequested, type CloudEvent } from '@plaza/contracts';
import { clearOpenMeteoFaults, failOpenMeteo, failTelegramChat, registerTelegramBot, telegramApiRoot, telegramCalls, type TestBot } from '@plaza/emulators/testing';
import { createCloudEvent, createService, ensureTopology, firestore, loadConfig, pubsub, pubsubEventPublisher, serviceConfigSchema } from '@plaza/runtime';
import { randomInt, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramConfigSchema } from '../telegram-config.ts';
import { weatherReplyConsumer } from './weather-reply-consumer.ts';
import { weatherUnavailableReply } from './weather-reply.ts';

/**
 * The /weather reply on the real emulators: `plaza.telegram.weather.requested.v1` published to
 * Pub/Sub (as the webhook does), pushed to the consumer served on 127.0.0.1, the weather from the
 * Open-Meteo stand-in, the reply sent through grammY to the Telegram stand-in, whose call log we
 * read. A project of this file's own, so no other file's subscription of the same name takes the
 * pushes; the weather service reads it from the environment.
 */
process.env.METADATA_SERVER_DETECTION ??= 'none';
process.env.GOOGLE_CLOUD_PROJECT = `demo-tg-weather-reply-${Date.now().toString(36)}-${process.pid}`;
const publisher = pubsubEventPublisher();

let bot: TestBot;
let closeServer: (() => Promise<void>) | undefined;

beforeAll(async () => {
  bot = await registerTelegramBot();
  const telegramConfig = loadConfig(telegramConfigSchema, { TELEGRAM_API_ROOT: telegramApiRoot(), TELEGRAM_BOT_TOKEN: bot.token });
  const app = createService({
    name: 'telegram-weather-test',
    config: loadConfig(serviceConfigSchema, { ...process.env, PUSH_AUTH: 'none', LOG_LEVEL: 'silent', PORT: '0' }),
    modules: [],
    consumers: [weatherReplyConsumer({ config: () => telegramConfig })],
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  closeServer = () => new Promise((resolve) => server.close(() => resolve()));
  const mine = subscriptions.filter(({ name }) => name === 'telegram.weather-reply');
  await ensureTopology(await pubsub(), {
    pushBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    subscriptions: mine,
    events: mine.map((subscription) => subscription.event),
    ackDeadlineSeconds: 10,
  });
});

afterAll(async () => {
  await clearOpenMeteoFaults();
  await closeServer?.();
});

const newChatId = () => randomInt(100_000_000, 2_000_000_000);
const sentTexts = async (chatId: number) =>
  (await telegramCalls(bot.token, { method: 'sendMessage', chatId })).filter((call) => call.ok).map((call) => String((call.params as { text?: unknown }).text));
const processed = async (eventId: string) => (await (await firestore()).collection('_consumers').doc('telegram.weather-reply').collection('processed').doc(eventId).get()).exists;

async function requestWeather(chatId: number, period: 'now' | '3h', location: { latitude: number; longitude: number } | null): Promise<CloudEvent<unknown>> {
  const event = createCloudEvent(telegramWeatherRequested, { chatId, uid: `u-${randomUUID()}`, period, location });
  await publisher.publish(telegramWeatherRequested.topic, event);
  return event;
}

/** The one reply the consumer sends to the chat. */
async function replyIn(chatId: number): Promise<string> {
  await expect.poll(async () => (await sentTexts(chatId)).length, { timeout: 15_000, interval: 100 }).toBe(1);
  return (await sentTexts(chatId))[0]!;
}

describe('the /weather reply consumer', () => {
  it('reports the default city when the chat has no stored location', async () => {
    const chatId = newChatId();
    await requestWeather(chatId, 'now', null);
    expect(await replyIn(chatId)).toMatch(/^Weather for Berlin, Germany, \d{2}:\d{2} local time:\n.+, -?\d+°C \(feels like -?\d+°C\), humidity \d+%, wind \d+ km\/h\.$/);
  });

  it('reports the next three hours for the stored location', async () => {
    const chatId = newChatId();
    await requestWeather(chatId, '3h', { latitude: 48.85, longitude: 2.35 });
    const lines = (await replyIn(chatId)).split('\n');
    expect(lines[0]).toMatch(/^Weather for 48\.85, 2\.35, /);
    expect(lines.slice(2, 4)).toEqual(['', 'Next hours:']);
    expect(lines.slice(4)).toHaveLength(3);
    for (const hour of lines.slice(4)) expect(hour).toMatch(/^\d{2}:\d{2}: .+, -?\d+°C(, \d+% chance of rain)?$/);
  });

  it('apologises in the chat when Open-Meteo fails and nothing is cached', async () => {
    const chatId = newChatId();
    // A place no other test asked about, so no cached report can stand in.
    const latitude = randomInt(-6000, 6000) / 100;
    const longitude = randomInt(-17000, 17000) / 100;
    await failOpenMeteo({ mode: 'error', latitude, longitude });
    await requestWeather(chatId, 'now', { latitude, longitude });
    expect(await replyIn(chatId)).toBe(weatherUnavailableReply);
  });

  it('acks the request of a chat that blocked the bot, sending nothing', async () => {
    const chatId = newChatId();
    await failTelegramChat(bot.token, { chatId, kind: 'blocked' });
    const event = await requestWeather(chatId, 'now', null);
    await expect.poll(() => processed(event.id), { timeout: 15_000, interval: 200 }).toBe(true);
    const calls = await telegramCalls(bot.token, { method: 'sendMessage', chatId });
    expect(calls.map((call) => call.status)).toEqual([403]);
  });
});
