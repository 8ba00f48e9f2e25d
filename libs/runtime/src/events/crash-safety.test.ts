import { subscriptions, userRegistered } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineConsumer } from './define-consumer.ts';
import { ensureTopology } from './ensure-topology.ts';
import { pubsubEventPublisher, type EventPublisher } from './event-publisher.ts';
import { eventRoutes } from './event-routes.ts';
import { outboxCollection } from './outbox-entry.ts';
import { runUseCase } from './run-use-case.ts';
import { sweepOutbox } from './sweep-outbox.ts';
import { serveOnLoopback, silentLogger, useEmulators, withServiceContext } from './test-support.ts';

/**
 * The whole path on the emulators: outbox, Pub/Sub push with a real OIDC token, and the consumer,
 * with the publisher dying between commit and publish.
 */
const { db, pubsub } = useEmulators('crash-safety');
const issuer = `http://${process.env.PUBSUB_EMULATOR_HOST}`;
const oidc = { serviceAccountEmail: 'push@demo-plaza.iam.gserviceaccount.com', audience: 'https://plaza.local/push' };
const handled: string[] = [];

const consumer = defineConsumer({
  name: 'notifications.on-user-registered',
  event: userRegistered,
  firestore: async () => db,
  async handle({ tx, event }) {
    tx.set(db.collection('inboxes').doc(event.data.uid).collection('items').doc(event.id), { kind: 'welcome' });
    handled.push(event.id);
  },
});
const pushAuth = { mode: 'oidc', ...oidc, issuer, jwksUrl: `${issuer}/oauth2/v3/certs` } as const;

beforeAll(async () => {
  const pushBaseUrl = await serveOnLoopback(withServiceContext(eventRoutes({ consumers: [consumer], pushAuth })));
  await ensureTopology(pubsub, { pushBaseUrl, oidc, subscriptions, ackDeadlineSeconds: 10 });
});

describe('crash safety', () => {
  it('delivers an event whose publisher died after the commit exactly once, through the sweeper', async () => {
    const dead: EventPublisher = { publish: async () => Promise.reject(new Error('process killed')) };
    const dependencies = { firestore: async () => db, logger: silentLogger };
    const event = await runUseCase(
      async ({ tx, emit }) => {
        tx.create(db.collection('profiles').doc('ada'), { uid: 'ada' });
        return emit(userRegistered, { uid: 'ada', email: null, displayName: null });
      },
      { ...dependencies, publisher: dead },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled).toEqual([]);

    const publisher = pubsubEventPublisher(async () => pubsub);
    expect(await sweepOutbox({ ...dependencies, publisher, olderThanMs: 0 })).toEqual({ published: 1, failed: 0 });
    await expect.poll(() => handled, { timeout: 10_000 }).toEqual([event.id]);
    expect((await db.collection(outboxCollection).doc(event.id).get()).data()?.publishedAt).not.toBeNull();

    expect(await sweepOutbox({ ...dependencies, publisher, olderThanMs: 0 })).toEqual({ published: 0, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled).toEqual([event.id]);
    expect((await db.collection('inboxes').doc('ada').collection('items').get()).size).toBe(1);
  });
});
