import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { PubSub, v1 } from '@google-cloud/pubsub';
import { serve } from '@hono/node-server';
import {
  emailChanged,
  emailChangeRequested,
  emailVerificationRequested,
  passwordResetRequested,
  subscriptions,
  userRegistered,
  type CloudEvent,
  type EventDefinition,
} from '@plaza/contracts';
import { failDelivery, listMail, waitForMail } from '@plaza/emulators/testing';
import {
  createCloudEvent,
  createLogger,
  createService,
  ensureTopology,
  loadConfig,
  processedRecordRetentionMs,
  pubsubEventPublisher,
  serviceConfigSchema,
} from '@plaza/runtime';
import { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailerConsumers } from './index.ts';
import { deliveryLeaseMs, mailDeliveriesCollection, mailDeliveryLedger } from './mail-delivery-ledger.ts';
import { mailerConfigSchema } from './mailer-config.ts';

/**
 * The mailer on the real emulators, no mocks: an identity event is published to Pub/Sub, pushed
 * to the mailer's consumers on 127.0.0.1, and sent over SMTP to the stand-in, whose mailbox we
 * read. The file has a project of its own, and every test mails its own addresses.
 */
process.env.METADATA_SERVER_DETECTION ??= 'none';
const projectId = `demo-mailer-${Date.now().toString(36)}-${process.pid}`;
const db = new Firestore({ projectId });
const pubsub = new PubSub({ projectId });
const publisher = pubsubEventPublisher(async () => pubsub);
const appUrl = 'http://127.0.0.1:5000';
const config = loadConfig(mailerConfigSchema, { SMTP_URL: process.env.SMTP_URL, APP_URL: appUrl });

const logLines: Record<string, unknown>[] = [];
const logDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
    done();
  },
});

const address = (label: string): string => `${label}-${randomUUID().slice(0, 8)}@example.com`;
const actionUrl = (mode: string): string => `${appUrl}/auth/action?mode=${mode}&oobCode=${randomUUID()}`;
const logsOf = (eventId: string) => logLines.filter((line) => line.eventId === eventId);

async function publish<T>(definition: EventDefinition<T>, data: T): Promise<CloudEvent<T>> {
  const event = createCloudEvent(definition, data);
  await publisher.publish(definition.topic, event);
  return event;
}

/** The mailer's consumers as a service of their own, logging into logLines. */
const mailerService = (mailerConfig = config) =>
  createService({
    name: 'mailer-test',
    config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: projectId, PUSH_AUTH: 'none' }),
    modules: [],
    consumers: mailerConsumers({ firestore: async () => db, pubsub: async () => pubsub, config: () => mailerConfig }),
    logger: createLogger({ service: 'mailer-test', destination: logDestination }),
  });

let subscriber: v1.SubscriberClient;
let closeServer: () => Promise<void>;

beforeAll(async () => {
  const app = mailerService();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  closeServer = () => new Promise((resolve) => server.close(() => resolve()));
  // The declared subscriptions, with a 1 s backoff instead of production's 10 s, so a retry comes soon.
  const mailer = subscriptions.filter((subscription) => subscription.module === 'mailer');
  await ensureTopology(pubsub, {
    pushBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    subscriptions: mailer.map((subscription) => ({ ...subscription, minBackoffSeconds: 1, maxBackoffSeconds: 1 })),
    events: mailer.map((subscription) => subscription.event),
    ackDeadlineSeconds: 30,
  });
  const { port, ...options } = await pubsub.getClientConfig();
  subscriber = new v1.SubscriberClient({ ...options, port: Number(port) });
});

afterAll(async () => {
  await Promise.all([pubsub.close(), subscriber?.close()]);
  await closeServer?.();
  await fetch(`http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: 'DELETE' });
  await db.terminate();
});

describe('each identity event sends its mail', () => {
  it('verification: the link to the address being verified, from MAIL_FROM, with the event as Message-ID', async () => {
    const email = address('verify');
    const link = actionUrl('verifyEmail');
    const event = await publish(emailVerificationRequested, { uid: 'u1', email, displayName: 'Ada', actionUrl: link });
    const mail = await waitForMail({ to: email, subject: 'Verify your email address' });
    expect(mail).toMatchObject({ from: 'Plaza <no-reply@plaza.local>', to: [email], messageId: `<${event.id}@plaza>` });
    expect(mail.links).toEqual([link]);
    expect(mail.text).toMatch(/^Hi Ada,/);
  });

  it('password reset: the link to the account address', async () => {
    const email = address('reset');
    const link = actionUrl('resetPassword');
    await publish(passwordResetRequested, { uid: 'u2', email, displayName: null, actionUrl: link });
    expect((await waitForMail({ to: email, subject: 'Reset your Plaza password' })).links).toEqual([link]);
  });

  it('email change: the confirmation link to the NEW address only', async () => {
    const currentEmail = address('current');
    const newEmail = address('new');
    const link = actionUrl('verifyAndChangeEmail');
    await publish(emailChangeRequested, { uid: 'u3', currentEmail, newEmail, displayName: 'Ada', actionUrl: link });
    const mail = await waitForMail({ to: newEmail, subject: 'Confirm your new email address' });
    expect(mail.links).toEqual([link]);
    expect(mail.text).toContain(`from ${currentEmail} to ${newEmail}`);
    expect(await listMail(currentEmail)).toEqual([]);
  });

  it('email changed: a notice to the PREVIOUS address, with the hint for when it was not them', async () => {
    const previousEmail = address('previous');
    const newEmail = address('moved');
    await publish(emailChanged, { uid: 'u4', previousEmail, newEmail, displayName: 'Ada' });
    const mail = await waitForMail({ to: previousEmail, subject: 'Your Plaza email address was changed' });
    expect(mail.text).toContain("This wasn't you?");
    expect(mail.links).toEqual([appUrl]);
    expect(await listMail(newEmail)).toEqual([]);
  });

  it('welcome: a mail linking to the dashboard, and none for a member without an address', async () => {
    const email = address('welcome');
    await publish(userRegistered, { uid: 'u5', email, displayName: 'Grace' });
    const mail = await waitForMail({ to: email, subject: 'Welcome to Plaza' });
    expect(mail.links).toEqual([appUrl]);

    const silent = await publish(userRegistered, { uid: 'u6', email: null, displayName: null });
    await expect.poll(() => logsOf(silent.id).map((line) => line.message), { timeout: 10_000 }).toContain('event handled');
    expect(logsOf(silent.id).map((line) => line.message)).toContain('the event names no address; no mail to send');
    expect((await db.collection(mailDeliveriesCollection).doc(silent.id).get()).exists).toBe(false);
  });
});

describe('idempotency', () => {
  it('sends one mail for an event delivered twice', async () => {
    const email = address('twice');
    const event = createCloudEvent(emailVerificationRequested, { uid: 'u7', email, displayName: null, actionUrl: actionUrl('verifyEmail') });
    await publisher.publish(emailVerificationRequested.topic, event);
    await publisher.publish(emailVerificationRequested.topic, event);
    await expect
      .poll(() => logsOf(event.id).map((line) => line.message).sort(), { timeout: 10_000 })
      .toEqual(['duplicate event acked', 'event handled', 'mail sent']);
    expect(await listMail(email)).toHaveLength(1);
  });

  it('sends nothing again when the mail went out but the event was not recorded as processed (a crash between the two)', async () => {
    const email = address('crash');
    const event = createCloudEvent(passwordResetRequested, { uid: 'u8', email, displayName: null, actionUrl: actionUrl('resetPassword') });
    await publisher.publish(passwordResetRequested.topic, event);
    await waitForMail({ to: email });
    const processed = db.collection('_consumers').doc('mailer.reset-password').collection('processed').doc(event.id);
    await expect.poll(async () => (await processed.get()).exists, { timeout: 10_000 }).toBe(true);
    await processed.delete();

    await publisher.publish(passwordResetRequested.topic, event);
    await expect
      .poll(() => logsOf(event.id).map((line) => line.message), { timeout: 10_000 })
      .toContain('mail for this event was already sent; nothing sent');
    expect(await listMail(email)).toHaveLength(1);
    expect((await db.collection(mailDeliveriesCollection).doc(event.id).get()).data()).toMatchObject({ status: 'delivered', attempts: 1, smtpResponse: expect.stringMatching(/^250/) });
  });
  it('keeps a second delivery away while an attempt holds the lease, and retries a crashed attempt once its lease ran out (at least once)', async () => {
    const ledger = mailDeliveryLedger(async () => db);
    const push = (event: CloudEvent<unknown>) =>
      mailerService().request('/_push/mailer/reset-password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          message: { data: Buffer.from(JSON.stringify(event)).toString('base64'), messageId: `direct-${randomUUID()}` },
          subscription: `projects/${projectId}/subscriptions/mailer.reset-password`,
        }),
      });
    const resetRequested = (email: string) => createCloudEvent(passwordResetRequested, { uid: 'u12', email, displayName: null, actionUrl: actionUrl('resetPassword') });

    // An attempt that claimed the event just now and is still sending: the delivery backs off.
    const busy = resetRequested(address('leased'));
    await ledger.claim(busy.id, 'mailer.reset-password');
    expect((await push(busy)).status).toBe(500);
    expect(await listMail(busy.data.email)).toEqual([]);

    // A claim made one lease ago by an attempt that crashed before recording anything: the next delivery sends.
    const crashed = resetRequested(address('crashed'));
    await ledger.claim(crashed.id, 'mailer.reset-password', new Date(Date.now() - deliveryLeaseMs - 1_000));
    expect((await push(crashed)).status).toBe(204);
    expect(await listMail(crashed.data.email)).toHaveLength(1);
    const delivery = (await db.collection(mailDeliveriesCollection).doc(crashed.id).get()).data();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    // Kept past Pub/Sub's redelivery window for the TTL policy on expireAt (libs/contracts/src/firestore-indexes.ts).
    expect(delivery?.expireAt.toMillis()).toBeGreaterThan(Date.now() + processedRecordRetentionMs - 10 * 60_000);
  });
});

describe('SMTP failures', () => {
  it('retries a transient refusal through Pub/Sub until the mail goes, once', async () => {
    const email = address('transient');
    await failDelivery({ to: email, code: 421, times: 2 });
    const event = await publish(emailVerificationRequested, { uid: 'u9', email, displayName: null, actionUrl: actionUrl('verifyEmail') });
    await waitForMail({ to: email, timeoutMs: 20_000 });
    expect(await listMail(email)).toHaveLength(1);
    expect((await db.collection(mailDeliveriesCollection).doc(event.id).get()).data()).toMatchObject({ status: 'delivered', attempts: 3 });
    const warnings = logsOf(event.id).filter((line) => line.message === 'SMTP failed transiently; Pub/Sub will retry');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ severity: 'WARNING', smtpError: expect.stringContaining('421') });
  });

  it('dead-letters a permanent refusal at once, logs it as an error, and does not retry', async () => {
    const email = address('permanent');
    await failDelivery({ to: email, code: 550 });
    const event = await publish(emailVerificationRequested, { uid: 'u10', email, displayName: null, actionUrl: actionUrl('verifyEmail') });
    const deadLetters = `projects/${projectId}/subscriptions/mailer.verify-email.dead-letter`;

    const pulled: { data: string; attributes: Record<string, string> }[] = [];
    await expect
      .poll(
        async () => {
          const [response] = await subscriber.pull({ subscription: deadLetters, maxMessages: 10, returnImmediately: true });
          const received = response.receivedMessages ?? [];
          if (received.length > 0) await subscriber.acknowledge({ subscription: deadLetters, ackIds: received.map((m) => m.ackId!) });
          for (const { message } of received) {
            pulled.push({ data: Buffer.from(message?.data ?? '').toString('utf8'), attributes: { ...(message?.attributes ?? {}) } });
          }
          return pulled.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(1);
    expect(JSON.parse(pulled[0]!.data)).toEqual(event);
    expect(pulled[0]!.attributes).toMatchObject({ CloudPubSubDeadLetterSourceSubscription: 'mailer.verify-email', 'ce-id': event.id });
    expect(pulled[0]!.attributes['plaza-dead-letter-reason']).toContain('550');

    expect(logsOf(event.id).find((line) => line.message === 'event failed permanently; dead-lettered and acked')).toMatchObject({
      severity: 'ERROR',
      deadLetterTopic: 'mailer.verify-email.dead-letter',
    });
    const delivery = (await db.collection(mailDeliveriesCollection).doc(event.id).get()).data();
    expect(delivery).toMatchObject({ status: 'rejected', attempts: 1, lastError: expect.stringContaining('550') });
    expect(await listMail(email)).toEqual([]);

    // Had the event not been recorded after the dead letter, its next delivery would dead-letter
    // it again from the record, without another SMTP attempt.
    await db.collection('_consumers').doc('mailer.verify-email').collection('processed').doc(event.id).delete();
    const again = await mailerService().request('/_push/mailer/verify-email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: { data: Buffer.from(JSON.stringify(event)).toString('base64'), messageId: 'direct-2' },
        subscription: deadLetters.replace('.dead-letter', ''),
      }),
    });
    expect(again.status).toBe(204);
    const [second] = await subscriber.pull({ subscription: deadLetters, maxMessages: 10, returnImmediately: true });
    expect(second.receivedMessages?.map(({ message }) => message?.attributes?.['plaza-dead-letter-reason'])).toEqual([
      expect.stringContaining('an earlier attempt was refused permanently'),
    ]);
    expect((await db.collection(mailDeliveriesCollection).doc(event.id).get()).data()).toMatchObject({ attempts: 1 });
  });

  it('answers 500 when the SMTP server cannot be reached, so Pub/Sub retries, and releases the claim', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const unreachable = mailerService({ ...config, SMTP_URL: `smtp://127.0.0.1:${closedPort}` });
    const event = createCloudEvent(passwordResetRequested, { uid: 'u11', email: address('unreachable'), displayName: null, actionUrl: actionUrl('resetPassword') });
    const response = await unreachable.request('/_push/mailer/reset-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: { data: Buffer.from(JSON.stringify(event)).toString('base64'), messageId: 'direct-1' },
        subscription: `projects/${projectId}/subscriptions/mailer.reset-password`,
      }),
    });
    expect(response.status).toBe(500);
    const delivery = (await db.collection(mailDeliveriesCollection).doc(event.id).get()).data();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(delivery?.leaseUntil.toMillis()).toBeLessThanOrEqual(Date.now());
  });
});
