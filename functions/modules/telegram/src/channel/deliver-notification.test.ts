import { createServer, type AddressInfo } from 'node:net';
import { notificationCreated } from '@plaza/contracts';
import { createCloudEvent, createLogger, deliveryLedger, firestore, RetryLater } from '@plaza/runtime';
import { Api } from 'grammy';
import { afterAll, describe, expect, it } from 'vitest';
import { telegramLinkStore } from '../links/index.ts';
import { deliverNotification } from './deliver-notification.ts';
import { sendSlots } from './send-slots.ts';

/**
 * The delivery steps against real Firestore, with a Telegram that fails in the ways the e2e test's
 * stand-in cannot: a missing token, and a connection that breaks after the request went out.
 */
const links = telegramLinkStore();
const ledger = deliveryLedger({ firestore, collection: 'telegramDeliveries', leaseMs: 60_000, expiredClaims: 'in-doubt' });
const slots = sendSlots(firestore, { chatIntervalMs: 1, botWindowMs: 1_000, botPerWindow: 1_000, maxWaitMs: 1_000 });
const logger = createLogger({ service: 'telegram-test', level: 'silent' });
const token = '7000000009:AADeliverNotificationTestToken12345';

let requests = 0;
const hangUp = createServer((socket) =>
  socket.once('data', () => {
    requests += 1;
    socket.destroy();
  }),
);
await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => hangUp.close(() => resolve())));

async function linkedEvent() {
  const uid = `deliver-${crypto.randomUUID()}`;
  const chatId = 600_000_000 + Math.floor(Math.random() * 1e8);
  await links.redeem((await links.issueToken(uid)).token, { id: chatId });
  return createCloudEvent(notificationCreated, { uid, notificationId: 'n1', kind: 'test', title: 'Hello', body: '', createdAt: new Date().toISOString() });
}

const deliveryRecord = async (eventId: string) => (await (await firestore()).collection('telegramDeliveries').doc(eventId).get()).data();

describe('deliverNotification', () => {
  it('fails before claiming when the bot is not configured, so the retry after the fix can send', async () => {
    const event = await linkedEvent();
    const api = () => {
      throw new Error('TELEGRAM_BOT_TOKEN is not set');
    };
    await expect(deliverNotification({ event, consumer: 'telegram.notify', links, ledger, slots, api, logger })).rejects.toThrow('TELEGRAM_BOT_TOKEN');
    expect(await deliveryRecord(event.id)).toBeUndefined();
  });

  it('never repeats a send that may have reached Telegram', async () => {
    const event = await linkedEvent();
    const api = () => new Api(token, { apiRoot: `http://127.0.0.1:${(hangUp.address() as AddressInfo).port}` });
    const before = requests;
    await deliverNotification({ event, consumer: 'telegram.notify', links, ledger, slots, api, logger });
    expect(await deliveryRecord(event.id)).toMatchObject({ status: 'in-doubt', attempts: 1 });
    // A redelivery (or the consumer's transaction running again) sends nothing.
    await deliverNotification({ event, consumer: 'telegram.notify', links, ledger, slots, api, logger });
    expect(requests - before).toBe(1);
  });

  it('leaves an event claimed by a live attempt to a later delivery', async () => {
    const event = await linkedEvent();
    await ledger.claim(event.id, 'telegram.notify');
    const api = () => new Api(token, { apiRoot: 'http://127.0.0.1:9' });
    await expect(deliverNotification({ event, consumer: 'telegram.notify', links, ledger, slots, api, logger })).rejects.toBeInstanceOf(RetryLater);
  });
});
