import { userDeleted } from '@plaza/contracts';
import { createCloudEvent, firestore } from '@plaza/runtime';
import { consumerPushes } from '@plaza/runtime/testing';
import { describe, expect, it } from 'vitest';
import { inboxRepository } from './inbox-repository.ts';
import { onUserDeleted } from './on-user-deleted.ts';

process.env.METADATA_SERVER_DETECTION ??= 'none';

const push = consumerPushes(onUserDeleted);

const inbox = async (uid: string) => (await firestore()).collection('inboxes').doc(uid).collection('items');
const hasCounter = async (uid: string) => (await (await firestore()).collection('inboxes').doc(uid).get()).exists;

/** More items than one transaction (500 writes) could delete, with their unread counter. */
async function fillInbox(uid: string, count: number): Promise<void> {
  const db = await firestore();
  const items = await inbox(uid);
  for (let start = 0; start < count; start += 400) {
    const batch = db.batch();
    for (let i = start; i < Math.min(count, start + 400); i += 1) {
      batch.set(items.doc(`item-${i}`), { kind: 'test', title: `#${i}`, body: '', createdAt: new Date(i).toISOString(), readAt: null });
    }
    await batch.commit();
  }
  await db.collection('inboxes').doc(uid).set({ unread: count });
}

describe('notifications.on-user-deleted', () => {
  it('empties an inbox larger than one transaction can write, and leaves other inboxes alone', async () => {
    const uid = `deleted-${crypto.randomUUID()}`;
    const neighbour = `kept-${crypto.randomUUID()}`;
    await Promise.all([fillInbox(uid, 1_150), fillInbox(neighbour, 3)]);

    const event = createCloudEvent(userDeleted, { uid, deletedBy: 'self' });
    expect((await push(event)).status).toBe(204);
    expect((await (await inbox(uid)).count().get()).data().count).toBe(0);
    expect(await hasCounter(uid)).toBe(false);
    expect((await (await inbox(neighbour)).count().get()).data().count).toBe(3);
    expect(await inboxRepository.unreadCount(neighbour)).toBe(3);
  });

  it('acks a redelivered event without running again, and a purge run again on an empty inbox is a no-op', async () => {
    const uid = `deleted-${crypto.randomUUID()}`;
    await fillInbox(uid, 5);
    const event = createCloudEvent(userDeleted, { uid, deletedBy: { adminUid: 'admin-1' } });
    expect((await push(event)).status).toBe(204);
    // An item arriving late (a notification produced before the deletion was seen) after the first run...
    await fillInbox(uid, 1);
    // ...is not touched by a redelivery of the same event: it was recorded as processed.
    expect((await push(event)).status).toBe(204);
    expect((await (await inbox(uid)).count().get()).data().count).toBe(1);
    const processed = await (await firestore()).collection('_consumers').doc(onUserDeleted.name).collection('processed').doc(event.id).get();
    expect(processed.exists).toBe(true);

    // What a crash between the purge and the commit leaves for the retry: the same work on
    // what is left. It finishes and changes nothing else.
    const retried = createCloudEvent(userDeleted, { uid, deletedBy: { adminUid: 'admin-1' } });
    expect((await push(retried)).status).toBe(204);
    expect((await push(createCloudEvent(userDeleted, { uid, deletedBy: 'self' }))).status).toBe(204);
    expect((await (await inbox(uid)).count().get()).data().count).toBe(0);
  });
});
