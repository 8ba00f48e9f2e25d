import { userRegistered, type CloudEvent } from '@plaza/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCloudEvent } from './create-cloud-event.ts';
import type { EventPublisher } from './event-publisher.ts';
import { eventRoutes, outboxSweepPath } from './event-routes.ts';
import { newOutboxEntry, outboxCollection } from './outbox-entry.ts';
import { startOutboxSweeper } from './outbox-sweeper.ts';
import { sweepOutbox } from './sweep-outbox.ts';
import { silentLogger, useEmulators, withServiceContext } from './test-support.ts';

const { db } = useEmulators('sweep-outbox');
let published: CloudEvent[] = [];
// Slow enough that concurrent sweeps overlap while publishing.
const recording: EventPublisher = {
  publish: async (_topic, event) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    published.push(event);
  },
};
const dependencies = { firestore: async () => db, publisher: recording, logger: silentLogger };

/** An entry its use case committed `ageMs` ago and never published. */
async function leftBehind(ageMs: number): Promise<CloudEvent> {
  const event = createCloudEvent(userRegistered, { uid: 'u', email: null, displayName: null });
  await db.collection(outboxCollection).doc(event.id).set(newOutboxEntry(event, userRegistered.topic, new Date(Date.now() - ageMs)));
  return event;
}

beforeEach(async () => {
  published = [];
  const entries = await db.collection(outboxCollection).get();
  await Promise.all(entries.docs.map((doc) => doc.ref.delete()));
});

describe('sweepOutbox', () => {
  it('republishes entries left unpublished past the threshold and marks them, leaving younger ones', async () => {
    const old = await leftBehind(10_000);
    const fresh = await leftBehind(0);

    expect(await sweepOutbox({ ...dependencies, olderThanMs: 5_000 })).toEqual({ published: 1, failed: 0 });
    expect(published.map(({ id }) => id)).toEqual([old.id]);
    expect((await db.collection(outboxCollection).doc(old.id).get()).data()).toMatchObject({ publishedAt: expect.anything(), leaseUntil: null });
    expect((await db.collection(outboxCollection).doc(fresh.id).get()).data()).toMatchObject({ publishedAt: null });

    expect(await sweepOutbox({ ...dependencies, olderThanMs: 5_000 })).toEqual({ published: 0, failed: 0 });
  });

  it('lets only one of two overlapping sweeps publish an entry', async () => {
    const event = await leftBehind(10_000);
    const outcomes = await Promise.all([sweepOutbox(dependencies), sweepOutbox(dependencies)]);
    expect(outcomes.map(({ published }) => published).sort()).toEqual([0, 1]);
    expect(published.map(({ id }) => id)).toEqual([event.id]);
  });

  it('leaves an entry whose publish failed for the next sweep once its lease ran out', async () => {
    const event = await leftBehind(10_000);
    const dead: EventPublisher = { publish: async () => Promise.reject(new Error('Pub/Sub unavailable')) };
    expect(await sweepOutbox({ ...dependencies, publisher: dead, leaseMs: 0 })).toEqual({ published: 0, failed: 1 });
    expect(await sweepOutbox(dependencies)).toEqual({ published: 1, failed: 0 });
    expect(published.map(({ id }) => id)).toEqual([event.id]);
  });
});

describe('startOutboxSweeper', () => {
  it('sweeps on its interval until stopped', async () => {
    const event = await leftBehind(10_000);
    const sweeper = startOutboxSweeper({ ...dependencies, intervalMs: 20 });
    await expect.poll(() => published.map(({ id }) => id)).toEqual([event.id]);
    await sweeper.stop();
    await leftBehind(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(published).toHaveLength(1);
  });
});

describe(`POST ${outboxSweepPath}`, () => {
  it('sweeps for Cloud Scheduler and reports what it published', async () => {
    await leftBehind(10_000);
    const app = withServiceContext(eventRoutes({ consumers: [], pushAuth: { mode: 'none' }, sweep: dependencies }));
    const response = await app.request(outboxSweepPath, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ published: 1, failed: 0 });
  });

  it('is closed to callers without the scheduler token', async () => {
    const issuer = `http://${process.env.PUBSUB_EMULATOR_HOST}`;
    const pushAuth = { mode: 'oidc', audience: 'a', serviceAccountEmail: 's@x.iam.gserviceaccount.com', issuer, jwksUrl: `${issuer}/oauth2/v3/certs` } as const;
    const app = withServiceContext(eventRoutes({ consumers: [], pushAuth, sweep: dependencies }));
    expect((await app.request(outboxSweepPath, { method: 'POST' })).status).toBe(401);
  });
});
