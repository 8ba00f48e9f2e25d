import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { PubSub } from '@google-cloud/pubsub';
import { serve } from '@hono/node-server';
import { notificationCreated, subscriptions, userDeleted, type CloudEvent } from '@plaza/contracts';
import { failTelegramChat, registerTelegramBot, setTelegramLimits, telegramApiRoot, telegramCalls, type TestBot } from '@plaza/emulators/testing';
import { createCloudEvent, createLogger, createService, ensureTopology, loadConfig, pubsubEventPublisher, serviceConfigSchema } from '@plaza/runtime';
import { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramConsumers } from '../index.ts';
import { telegramLinkStore } from '../links/index.ts';
import { telegramConfigSchema } from '../telegram-config.ts';
import { telegramDeliveriesCollection } from './notify-consumer.ts';

/**
 * Telegram as a notification channel on the real emulators, no mocks of our code: events are
 * published to Pub/Sub, pushed to the module's consumers served on 127.0.0.1, and sent through
 * grammY to the Telegram stand-in, whose call log we read. The stand-in enforces Telegram's send
 * limits scaled down (one message per 100 ms per chat), and the channel is configured to keep
 * 300 ms between a chat's messages, so a burst drains in seconds rather than minutes; production
 * keeps 1.1 s against Telegram's 1 s. The file has a project and a bot of its own.
 */
process.env.METADATA_SERVER_DETECTION ??= 'none';
const projectId = `demo-telegram-${Date.now().toString(36)}-${process.pid}`;
const db = new Firestore({ projectId });
const pubsub = new PubSub({ projectId });
const publisher = pubsubEventPublisher(async () => pubsub);
const links = telegramLinkStore(async () => db);
const standInChatWindowMs = 100;

const logLines: Record<string, unknown>[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
    done();
  },
});
const logsOf = (eventId: string) => logLines.filter((line) => line.eventId === eventId).map((line) => line.message);

let bot: TestBot;
let closeServer: () => Promise<void>;
let chatSeq = 0;

async function linkedUser(): Promise<{ uid: string; chatId: number }> {
  const uid = `u-${randomUUID()}`;
  const chatId = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 100 + (chatSeq += 1);
  const result = await links.redeem((await links.issueToken(uid)).token, { id: chatId, username: null, firstName: 'Test' });
  expect(result.kind).toBe('linked');
  return { uid, chatId };
}

async function notify(uid: string, title: string, body = ''): Promise<CloudEvent<{ uid: string }>> {
  const event = createCloudEvent(notificationCreated, { uid, notificationId: randomUUID(), kind: 'test', title, body, createdAt: new Date().toISOString() });
  await publisher.publish(notificationCreated.topic, event);
  return event;
}

const processed = (eventId: string) => db.collection('_consumers').doc('telegram.notify').collection('processed').doc(eventId);
const sent = async (chatId: number) => (await telegramCalls(bot.token, { method: 'sendMessage', chatId })).filter((call) => call.ok);

beforeAll(async () => {
  bot = await registerTelegramBot();
  await setTelegramLimits(bot.token, { enabled: true, perChat: 1, chatWindowMs: standInChatWindowMs, perBot: 30, botWindowMs: 1000 });
  const telegramConfig = loadConfig(telegramConfigSchema, {
    TELEGRAM_API_ROOT: telegramApiRoot(),
    TELEGRAM_BOT_TOKEN: bot.token,
    // Three times the stand-in's window: the margin absorbs a busy test machine's event-loop lag
    // between a reserved slot and the request reaching the stand-in.
    TELEGRAM_CHAT_INTERVAL_MS: String(3 * standInChatWindowMs),
    TELEGRAM_MAX_SLOT_WAIT_MS: '1000',
  });
  const app = createService({
    name: 'telegram-test',
    config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: projectId, PUSH_AUTH: 'none' }),
    modules: [],
    consumers: telegramConsumers({ firestore: async () => db, pubsub: async () => pubsub, publisher, config: () => telegramConfig }),
    logger: createLogger({ service: 'telegram-test', destination: logDestination }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  closeServer = () => new Promise((resolve) => server.close(() => resolve()));
  // The module's declared subscriptions, with a 1 s backoff at most, so a message waiting for its
  // chat's turn comes back soon.
  const mine = subscriptions.filter(({ name }) => name === 'telegram.notify' || name === 'telegram.on-user-deleted');
  await ensureTopology(pubsub, {
    pushBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    subscriptions: mine.map((subscription) => ({ ...subscription, minBackoffSeconds: 1, maxBackoffSeconds: 1 })),
    events: mine.map((subscription) => subscription.event),
    ackDeadlineSeconds: 30,
  });
});

afterAll(async () => {
  await pubsub.close();
  await closeServer?.();
  await fetch(`http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: 'DELETE' });
  await db.terminate();
});

describe('the Telegram notification channel', () => {
  it(
    'delivers a burst of 100 notifications for one chat exactly once each, within the per-chat limit',
    async () => {
      const { uid, chatId } = await linkedUser();
      const titles = Array.from({ length: 100 }, (_, index) => `Burst #${index} <${index}> & more`);
      const events = await Promise.all(titles.map((title) => notify(uid, title)));

      await expect.poll(async () => (await sent(chatId)).length, { timeout: 120_000, interval: 1_000 }).toBe(100);
      // Every event recorded as handled: no retry is left that could still send.
      await expect
        .poll(async () => (await Promise.all(events.map(async (event) => (await processed(event.id).get()).exists))).every(Boolean), {
          timeout: 30_000,
          interval: 1_000,
        })
        .toBe(true);

      const calls = await telegramCalls(bot.token, { method: 'sendMessage', chatId });
      const delivered = calls.filter((call) => call.ok);
      // Exactly once: every title arrived, none twice (the stand-in strips the HTML it parsed).
      expect(delivered.map((call) => (call.result as { text: string }).text).sort()).toEqual(titles.sort());
      expect(delivered.every((call) => call.params.parse_mode === 'HTML')).toBe(true);
      expect(delivered[0]!.params.text).toMatch(/^<b>Burst #\d+ &lt;\d+&gt; &amp; more<\/b>$/);
      // Never faster than the limit: the stand-in refused nothing, and its accepted calls are spaced.
      expect(calls.filter((call) => call.status === 429)).toEqual([]);
      const times = delivered.map((call) => Date.parse(call.at)).sort((a, b) => a - b);
      for (let index = 1; index < times.length; index += 1) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(standInChatWindowMs);
      const records = await Promise.all(events.map(async (event) => (await db.collection(telegramDeliveriesCollection).doc(event.id).get()).data()));
      expect(records.every((record) => record?.status === 'delivered' && record.chatId === chatId)).toBe(true);
    },
    180_000,
  );

  it('honours retry_after on a 429: the chat is paused, the notification arrives once after the wait', async () => {
    const { uid, chatId } = await linkedUser();
    await failTelegramChat(bot.token, { chatId, kind: 'too_many_requests', retryAfter: 2, times: 1 });
    const event = await notify(uid, 'After a pause');
    await expect.poll(async () => (await sent(chatId)).length, { timeout: 30_000, interval: 500 }).toBe(1);
    const calls = await telegramCalls(bot.token, { method: 'sendMessage', chatId });
    const refused = calls.find((call) => call.status === 429)!;
    const accepted = calls.find((call) => call.ok)!;
    expect(Date.parse(accepted.at) - Date.parse(refused.at)).toBeGreaterThanOrEqual(2_000);
    await expect.poll(async () => (await processed(event.id).get()).exists, { timeout: 10_000 }).toBe(true);
    expect(logsOf(event.id)).toContain('Telegram asked to slow down; the chat is paused and Pub/Sub retries');
    // The 429, then attempts that found the paused slot too far off (more than the 1 s wait), then the send.
    expect(calls.filter((call) => call.status === 429)).toHaveLength(1);
    expect((await db.collection(telegramDeliveriesCollection).doc(event.id).get()).data()).toMatchObject({ status: 'delivered', attempts: expect.any(Number) });
  }, 60_000);

  it('removes the link when the user blocked the bot (403), and acks', async () => {
    const { uid, chatId } = await linkedUser();
    await failTelegramChat(bot.token, { chatId, kind: 'blocked' });
    const event = await notify(uid, 'Blocked');
    await expect.poll(async () => (await processed(event.id).get()).exists, { timeout: 20_000 }).toBe(true);
    expect(await links.findByUser(uid)).toBeNull();
    expect(await links.findByChat(chatId)).toBeNull();
    expect(await sent(chatId)).toEqual([]);
    expect(logsOf(event.id)).toContain('the user blocked the bot; link removed');
    // Nothing more to send to: the next notification is acked without a call.
    const next = await notify(uid, 'Nobody there');
    await expect.poll(() => logsOf(next.id), { timeout: 20_000 }).toContain('no linked Telegram chat; nothing to send');
    expect((await telegramCalls(bot.token, { method: 'sendMessage', chatId })).length).toBe(1);
  }, 60_000);

  it('sends nothing when the user turned notifications off, and again once turned on', async () => {
    const { uid, chatId } = await linkedUser();
    await links.setNotifications({ uid }, false);
    const muted = await notify(uid, 'Muted');
    await expect.poll(async () => (await processed(muted.id).get()).exists, { timeout: 20_000 }).toBe(true);
    expect(logsOf(muted.id)).toContain('Telegram notifications are off for this user; nothing sent');
    expect(await telegramCalls(bot.token, { method: 'sendMessage', chatId })).toEqual([]);

    await links.setNotifications({ chatId }, true);
    await notify(uid, 'Heard', 'the body');
    await expect.poll(async () => (await sent(chatId)).map((call) => call.params.text), { timeout: 20_000 }).toEqual(['<b>Heard</b>\n\nthe body']);
  }, 60_000);

  it('forgets a deleted user: link, chat index and unredeemed tokens', async () => {
    const { uid, chatId } = await linkedUser();
    const { token } = await links.issueToken(uid);
    const event = createCloudEvent(userDeleted, { uid, deletedBy: 'self' });
    await publisher.publish(userDeleted.topic, event);
    await expect
      .poll(async () => (await db.collection('_consumers').doc('telegram.on-user-deleted').collection('processed').doc(event.id).get()).exists, { timeout: 20_000 })
      .toBe(true);
    expect(await links.findByUser(uid)).toBeNull();
    expect(await links.findByChat(chatId)).toBeNull();
    expect(await links.redeem(token, { id: chatId })).toEqual({ kind: 'unknown' });
  }, 60_000);
});
