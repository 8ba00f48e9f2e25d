import { cloudEventSchema, userRegistered, type CloudEvent } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { pubsubEventPublisher, type EventPublisher } from './event-publisher.ts';
import { outboxCollection } from './outbox-entry.ts';
import { runUseCase } from './run-use-case.ts';
import { pullNow, silentLogger, useEmulators } from './test-support.ts';

const { db, pubsub, subscriber } = useEmulators('run-use-case');
const dependencies = { firestore: async () => db, publisher: pubsubEventPublisher(async () => pubsub), logger: silentLogger };
const tap = `${userRegistered.topic}-tap`;

beforeAll(async () => {
  const [topic] = await pubsub.createTopic(userRegistered.topic);
  await topic.createSubscription(tap);
});

const registerUser = (uid: string) =>
  runUseCase(async ({ tx, emit }) => {
    tx.create(db.collection('profiles').doc(uid), { uid });
    return emit(userRegistered, { uid, email: `${uid}@example.com`, displayName: null }, { subject: `users/${uid}` });
  }, dependencies);

const outboxEntry = async (id: string) => (await db.collection(outboxCollection).doc(id).get()).data();

describe('runUseCase', () => {
  it('commits the domain change with its outbox entry, then publishes the CloudEvent and marks it published', async () => {
    const event = await registerUser('ada');

    expect((await db.collection('profiles').doc('ada').get()).exists).toBe(true);
    const entry = await outboxEntry(event.id);
    expect(entry).toMatchObject({ event, topic: userRegistered.topic });
    expect(entry!.publishedAt.toMillis()).toBeGreaterThanOrEqual(entry!.createdAt.toMillis());

    const [message] = await pullNow(await subscriber(), pubsub.subscription(tap).name);
    expect(cloudEventSchema.parse(JSON.parse(message!.data))).toEqual(event);
    expect(message!.attributes).toMatchObject({
      'ce-id': event.id,
      'ce-type': 'plaza.identity.user.registered.v1',
      'ce-source': '/plaza/identity',
      'ce-subject': 'users/ada',
    });
  });

  it('publishes nothing and keeps nothing when the use case rolls back', async () => {
    const published: CloudEvent[] = [];
    const recording: EventPublisher = { publish: async (_topic, event) => void published.push(event) };
    let emitted: CloudEvent | undefined;
    await expect(
      runUseCase(
        async ({ tx, emit }) => {
          tx.create(db.collection('profiles').doc('bob'), { uid: 'bob' });
          emitted = emit(userRegistered, { uid: 'bob', email: null, displayName: null });
          throw new Error('business rule broken');
        },
        { ...dependencies, publisher: recording },
      ),
    ).rejects.toThrow('business rule broken');

    expect(published).toEqual([]);
    expect((await db.collection('profiles').doc('bob').get()).exists).toBe(false);
    expect(await outboxEntry(emitted!.id)).toBeUndefined();
  });

  it('refuses to emit data that breaks the event schema, failing the use case', async () => {
    await expect(
      runUseCase(async ({ emit }) => emit(userRegistered, { uid: '' } as never), dependencies),
    ).rejects.toThrow();
  });

  it('succeeds when publishing fails, leaving the entry for the sweeper', async () => {
    const dead: EventPublisher = { publish: async () => Promise.reject(new Error('publisher died')) };
    const event = await runUseCase(async ({ emit }) => emit(userRegistered, { uid: 'cy', email: null, displayName: null }), {
      ...dependencies,
      publisher: dead,
    });
    expect(await outboxEntry(event.id)).toMatchObject({ publishedAt: null });
  });
});
