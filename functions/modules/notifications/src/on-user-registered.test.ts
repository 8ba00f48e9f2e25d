import { notificationCreated, userRegistered } from '@plaza/contracts';
import { createCloudEvent, firestore } from '@plaza/runtime';
import { consumerPushes } from '@plaza/runtime/testing';
import { describe, expect, it } from 'vitest';
import { inboxRepository } from './inbox-repository.ts';
import { onUserRegistered } from './on-user-registered.ts';

process.env.METADATA_SERVER_DETECTION ??= 'none';

const push = consumerPushes(onUserRegistered);

describe('notifications.on-user-registered', () => {
  it('announces the welcome item as notificationCreated once, even when the event is redelivered', async () => {
    const uid = `welcomed-${crypto.randomUUID()}`;
    const event = createCloudEvent(userRegistered, { uid, email: 'ada@example.com', displayName: 'Ada' });
    expect((await push(event)).status).toBe(204);
    expect((await push(event)).status).toBe(204);

    const db = await firestore();
    const item = (await db.collection('inboxes').doc(uid).collection('items').doc(event.id).get()).data();
    const outbox = (await db.collection('_outbox').where('event.data.uid', '==', uid).get()).docs.map((doc) => doc.data());
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      topic: notificationCreated.topic,
      event: {
        type: notificationCreated.type,
        subject: `users/${uid}`,
        data: { uid, notificationId: event.id, kind: 'welcome', title: item?.title, body: item?.body, createdAt: item?.createdAt },
      },
    });
  });

  it('counts the welcome item unread once: a redelivery, even after its processed record expired, adds nothing', async () => {
    const uid = `welcomed-${crypto.randomUUID()}`;
    const event = createCloudEvent(userRegistered, { uid, email: null, displayName: 'Grace' });
    expect((await push(event)).status).toBe(204);
    expect((await push(event)).status).toBe(204);
    expect(await inboxRepository.unreadCount(uid)).toBe(1);

    const db = await firestore();
    await db.collection('_consumers').doc(onUserRegistered.name).collection('processed').doc(event.id).delete();
    expect((await push(event)).status).toBe(204);
    expect(await inboxRepository.unreadCount(uid)).toBe(1);
    expect((await db.collection('_outbox').where('event.data.uid', '==', uid).get()).size).toBe(1);
  });
});
