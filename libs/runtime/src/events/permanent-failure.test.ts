import { userRegistered } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloudEvent } from './create-cloud-event.ts';
import { defineConsumer } from './define-consumer.ts';
import { PermanentFailure } from './permanent-failure.ts';
import { pullNow, useEmulators } from './test-support.ts';
import { consumerPushes } from '../testing/consumer-pushes.ts';

const { db, pubsub, subscriber, projectId } = useEmulators('permanent-failure');
const name = 'notifications.on-user-registered';
const deadLetterTopic = `${name}.dead-letter`;
let handled = 0;

const consumer = defineConsumer({
  name,
  event: userRegistered,
  firestore: async () => db,
  pubsub: async () => pubsub,
  async handle({ event }) {
    handled += 1;
    throw new PermanentFailure(`mailbox of ${event.data.uid} does not exist`);
  },
});
const pushes = consumerPushes(consumer);
const push = (event: unknown, messageId: string) => pushes(event, { messageId, attributes: { 'ce-id': 'x' }, deliveryAttempt: 2 });
const processed = async (eventId: string) =>
  (await db.collection('_consumers').doc(name).collection('processed').doc(eventId).get()).data();

describe('a handler throwing PermanentFailure', () => {
  it('answers 500 and records nothing while the dead-letter topic cannot take the message', async () => {
    const event = createCloudEvent(userRegistered, { uid: 'early', email: null, displayName: null });
    expect((await push(event, 'm0')).status).toBe(500);
    expect(await processed(event.id)).toBeUndefined();
  });

  describe('with the dead-letter topic in place', () => {
    beforeAll(async () => {
      const [topic] = await pubsub.createTopic(deadLetterTopic);
      await topic.createSubscription(deadLetterTopic);
    });

    it('publishes the pushed message to the dead-letter topic, records the event as done and acks', async () => {
      const event = createCloudEvent(userRegistered, { uid: 'ada', email: null, displayName: null });
      handled = 0;
      expect((await push(event, 'm1')).status).toBe(204);
      const letters = await pullNow(await subscriber(), `projects/${projectId}/subscriptions/${deadLetterTopic}`);
      expect(letters).toHaveLength(1);
      expect(JSON.parse(letters[0]!.data)).toEqual(event);
      expect(letters[0]!.attributes).toMatchObject({
        'ce-id': 'x',
        CloudPubSubDeadLetterSourceSubscription: name,
        CloudPubSubDeadLetterSourceDeliveryCount: '2',
        'plaza-dead-letter-reason': 'mailbox of ada does not exist',
      });
      expect(await processed(event.id)).toMatchObject({ outcome: 'dead-lettered', reason: 'mailbox of ada does not exist' });

      // A redelivery of the same event is a duplicate: no second attempt, no second dead letter.
      expect((await push(event, 'm2')).status).toBe(204);
      expect(handled).toBe(1);
      expect(await pullNow(await subscriber(), `projects/${projectId}/subscriptions/${deadLetterTopic}`)).toEqual([]);
    });
  });
});
