import { notificationCreated, userRegistered, type CloudEvent } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { createCloudEvent } from './create-cloud-event.ts';
import { defineConsumer } from './define-consumer.ts';
import type { EventPublisher } from './event-publisher.ts';
import { outboxCollection } from './outbox-entry.ts';
import { useEmulators } from './test-support.ts';
import { consumerPushes } from '../testing/consumer-pushes.ts';

const { db } = useEmulators('consumer-emit');
const published: { topic: string; event: CloudEvent }[] = [];
let publisherDown = false;
let handlerFails = false;
const publisher: EventPublisher = {
  async publish(topic, event) {
    if (publisherDown) throw new Error('Pub/Sub unreachable');
    published.push({ topic, event });
  },
};

// A consumer whose effect announces itself: the inbox item and its event commit together.
const consumer = defineConsumer({
  name: 'notifications.on-user-registered',
  event: userRegistered,
  firestore: async () => db,
  publisher,
  async handle({ tx, event, emit }) {
    const item = db.collection('inboxes').doc(event.data.uid).collection('items').doc(event.id);
    const createdAt = new Date(event.time).toISOString();
    tx.set(item, { title: 'Welcome', createdAt });
    emit(notificationCreated, { uid: event.data.uid, notificationId: event.id, kind: 'welcome', title: 'Welcome', body: '', createdAt });
    if (handlerFails) throw new Error('after emitting, before commit');
  },
});
const push = consumerPushes(consumer);

const outboxOf = async (uid: string) =>
  (await db.collection(outboxCollection).where('event.data.uid', '==', uid).get()).docs.map((doc) => doc.data());

describe('defineConsumer emit', () => {
  it('commits the emitted event with the effect, publishes it after the commit, and not again on redelivery', async () => {
    const event = createCloudEvent(userRegistered, { uid: 'emit-ada', email: null, displayName: null });
    expect((await push(event)).status).toBe(204);
    expect((await push(event)).status).toBe(204);

    const entries = await outboxOf('emit-ada');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ topic: notificationCreated.topic, event: { type: notificationCreated.type, data: { notificationId: event.id } } });
    expect(entries[0]!.publishedAt).not.toBeNull();
    const mine = published.filter(({ event: sent }) => (sent.data as { uid: string }).uid === 'emit-ada');
    expect(mine.map(({ topic }) => topic)).toEqual([notificationCreated.topic]);
    expect(mine[0]!.event.id).toBe(entries[0]!.event.id);
  });

  it('emits nothing when the handler fails after emitting', async () => {
    handlerFails = true;
    try {
      const event = createCloudEvent(userRegistered, { uid: 'emit-grace', email: null, displayName: null });
      expect((await push(event)).status).toBe(500);
      expect(await outboxOf('emit-grace')).toEqual([]);
      expect(published.some(({ event: sent }) => (sent.data as { uid: string }).uid === 'emit-grace')).toBe(false);
    } finally {
      handlerFails = false;
    }
  });

  it('acks even when publishing fails, leaving the committed entry unpublished for the sweeper', async () => {
    publisherDown = true;
    try {
      const event = createCloudEvent(userRegistered, { uid: 'emit-linus', email: null, displayName: null });
      expect((await push(event)).status).toBe(204);
      const entries = await outboxOf('emit-linus');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.publishedAt).toBeNull();
    } finally {
      publisherDown = false;
    }
  });
});
