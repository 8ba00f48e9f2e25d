import { userRegistered } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { createCloudEvent } from './create-cloud-event.ts';
import { defineConsumer } from './define-consumer.ts';
import { processedRecordRetentionMs } from './processed-record-expiry.ts';
import { eventRoutes } from './event-routes.ts';
import { useEmulators, withServiceContext } from './test-support.ts';

const { db } = useEmulators('define-consumer');
const pushPath = '/_push/notifications/on-user-registered';
let failing = false;

const consumer = defineConsumer({
  name: 'notifications.on-user-registered',
  event: userRegistered,
  firestore: async () => db,
  async handle({ tx, event }) {
    if (failing) throw new Error('inbox unavailable');
    const inbox = db.collection('inboxes').doc(event.data.uid);
    const count = ((await tx.get(inbox)).data()?.welcomes as number | undefined) ?? 0;
    tx.set(inbox, { welcomes: count + 1 });
  },
});
const app = withServiceContext(eventRoutes({ consumers: [consumer], pushAuth: { mode: 'none' } }));

let messageId = 0;
const push = (data: unknown) =>
  app.request(pushPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: { data: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)).toString('base64'), messageId: String(++messageId) },
      subscription: 'projects/p/subscriptions/notifications.on-user-registered',
    }),
  });
const welcomes = async (uid: string) => (await db.collection('inboxes').doc(uid).get()).data()?.welcomes;
const rejected = async (id: number) =>
  (await db.collection('_consumers').doc(consumer.name).collection('rejected').doc(String(id)).get()).data();

describe('defineConsumer', () => {
  it('links the consumer to its declared subscription', () => {
    expect(consumer.subscription).toMatchObject({ name: 'notifications.on-user-registered', pushPath });
    expect(() => defineConsumer({ name: 'notifications.undeclared', event: userRegistered, handle: async () => {} })).toThrow(
      /declared in libs\/contracts\/src\/subscriptions.ts/,
    );
  });

  it('applies an event pushed three times once, acking every push', async () => {
    const event = createCloudEvent(userRegistered, { uid: 'ada', email: null, displayName: null });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await push(event)).status);
    expect(statuses).toEqual([204, 204, 204]);
    expect(await welcomes('ada')).toBe(1);
    const record = (await db.collection('_consumers').doc(consumer.name).collection('processed').doc(event.id).get()).data();
    expect(record).toMatchObject({ type: userRegistered.type, messageId: String(messageId - 2) });
    // Kept past Pub/Sub's redelivery window, then removed by the TTL policy on expireAt.
    expect(record!.expireAt.toMillis() - record!.processedAt.toMillis()).toBe(processedRecordRetentionMs);
  });

  it.each([
    ['data that is not JSON', 'not json{', /not JSON/],
    ['an envelope missing its id', { ...createCloudEvent(userRegistered, { uid: 'x', email: null, displayName: null }), id: undefined }, /CloudEvents/],
    ['another event type', { ...createCloudEvent(userRegistered, { uid: 'x', email: null, displayName: null }), type: 'plaza.social.post.created.v1' }, /expected type/],
    ['data breaking the event schema', { ...createCloudEvent(userRegistered, { uid: 'x', email: null, displayName: null }), data: { uid: 42 } }, /does not match/],
  ])('records %s as rejected and acks it', async (_case, data, reason) => {
    expect((await push(data)).status).toBe(204);
    expect(await rejected(messageId)).toMatchObject({ reason: expect.stringMatching(reason), messageId: String(messageId) });
    expect(await welcomes('x')).toBeUndefined();
  });

  it('answers 500 when the handler fails, recording nothing, so Pub/Sub retries', async () => {
    const event = createCloudEvent(userRegistered, { uid: 'bob', email: null, displayName: null });
    failing = true;
    const response = await push(event);
    failing = false;
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'internal' });
    expect((await push(event)).status).toBe(204);
    expect(await welcomes('bob')).toBe(1);
  });

  it('answers 400 to a body that is not a Pub/Sub push', async () => {
    const response = await app.request(pushPath, { method: 'POST', body: '{"hello":1}' });
    expect(response.status).toBe(400);
  });
});
