import { userRegistered } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { createCloudEvent } from './create-cloud-event.ts';
import { defineConsumer } from './define-consumer.ts';
import { loadConfig, serviceConfigSchema } from '../config/index.ts';
import { createService } from '../http/create-service.ts';
import { RetryLater } from './retry-later.ts';
import { silentLogger, useEmulators } from './test-support.ts';

const { db, projectId } = useEmulators('consumer-retry-later');
let deferrals = 1;

const consumer = defineConsumer({
  name: 'notifications.on-user-registered',
  event: userRegistered,
  firestore: async () => db,
  async handle({ tx, event }) {
    if (deferrals > 0) {
      deferrals -= 1;
      throw new RetryLater('the chat is busy', { retryAfterMs: 1_500 });
    }
    tx.set(db.collection('done').doc(event.id), { at: new Date() });
  },
});
// The real service stack, whose error handling turns the problem (and its Retry-After) into the reply.
const app = createService({
  name: 'retry-later-test',
  config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: projectId, PUSH_AUTH: 'none' }),
  modules: [],
  consumers: [consumer],
  logger: silentLogger,
});
const push = (event: unknown) =>
  app.request(consumer.subscription.pushPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: { data: Buffer.from(JSON.stringify(event)).toString('base64'), messageId: '1' }, subscription: 'projects/p/subscriptions/x' }),
  });

describe('defineConsumer RetryLater', () => {
  it('answers 429 with Retry-After, recording nothing, so Pub/Sub redelivers; the redelivery is applied', async () => {
    const event = createCloudEvent(userRegistered, { uid: 'later', email: null, displayName: null });
    const deferred = await push(event);
    expect(deferred.status).toBe(429);
    expect(deferred.headers.get('retry-after')).toBe('2');
    expect(await deferred.json()).toMatchObject({ code: 'rate_limited' });
    expect((await db.collection('_consumers').doc(consumer.name).collection('processed').doc(event.id).get()).exists).toBe(false);

    expect((await push(event)).status).toBe(204);
    expect((await db.collection('done').doc(event.id).get()).exists).toBe(true);
  });
});
