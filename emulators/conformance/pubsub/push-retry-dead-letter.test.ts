import type { Message } from '@google-cloud/pubsub';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './support/grpc-status.ts';
import { dataOf, pullNow } from './support/pull.ts';
import { startPushEndpoint } from './support/push-endpoint.ts';
import { uniqueName, usePubSub } from './support/pubsub.ts';

/**
 * Retry policies, dead-letter topics and delivery attempts: production relies on them, and the
 * official emulator does not implement them, so these run against our engine only.
 */
const harness = usePubSub();
const { pubsub } = harness;

const retryPolicy = { minimumBackoff: { nanos: 100_000_000 }, maximumBackoff: { seconds: 1 } };

async function deadLetterTopic() {
  const [topic] = await pubsub.createTopic(uniqueName('dlq'));
  const [subscription] = await topic.createSubscription(uniqueName('dlq-sub'));
  return { topic, subscription };
}

describe('push retry and dead letters (beyond the official emulator)', () => {
  it('backs off between failed pushes, then forwards to the dead-letter topic with its attributes', async () => {
    const endpoint = await startPushEndpoint(() => 500);
    const dlq = await deadLetterTopic();
    const { topic, subscription } = await harness.topicWithSubscription('poison', {
      pushConfig: { pushEndpoint: endpoint.url },
      retryPolicy,
      deadLetterPolicy: { deadLetterTopic: dlq.topic.name, maxDeliveryAttempts: 5 },
    });
    const id = await topic.publishMessage({ data: Buffer.from('poison'), attributes: { source: 'test' } });

    const subscriber = await harness.subscriberClient();
    const dead: Awaited<ReturnType<typeof pullNow>> = [];
    await expect
      .poll(
        async () => {
          dead.push(...(await pullNow(subscriber, dlq.subscription.name)));
          return dead.length;
        },
        { timeout: 15_000 },
      )
      .toBe(1);

    expect(endpoint.pushes.map((push) => push.body.deliveryAttempt)).toEqual([1, 2, 3, 4, 5]);
    expect(endpoint.pushes.every((push) => push.body.message.messageId === id)).toBe(true);
    const gaps = endpoint.pushes.slice(1).map((push, i) => push.receivedAt - endpoint.pushes[i]!.receivedAt);
    // 100 ms doubling to the 1 s maximum; a little slack for timer granularity.
    [100, 200, 400, 800].forEach((backoff, i) => expect(gaps[i]).toBeGreaterThanOrEqual(backoff - 15));

    const [forwarded] = dead;
    expect(dataOf(forwarded!)).toBe('poison');
    expect(forwarded!.message?.attributes).toEqual({
      source: 'test',
      CloudPubSubDeadLetterSourceDeliveryCount: '5',
      CloudPubSubDeadLetterSourceSubscription: subscription.name.split('/').pop(),
      CloudPubSubDeadLetterSourceSubscriptionProject: 'plaza-conformance',
      CloudPubSubDeadLetterSourceTopicPublishTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/),
    });
    expect(endpoint.pushes).toHaveLength(5);
  });

  it('sends a failing endpoint a few requests at a time, not the whole backlog', async () => {
    const endpoint = await startPushEndpoint(() => 500);
    const { topic } = await harness.topicWithSubscription('hammer', {
      pushConfig: { pushEndpoint: endpoint.url },
      retryPolicy,
    });
    const publisher = await harness.publisherClient();
    await publisher.publish({
      topic: topic.name,
      messages: Array.from({ length: 40 }, (_, i) => ({ data: Buffer.from(`m${i}`) })),
    });
    await expect.poll(() => endpoint.pushes.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(40);
    expect(endpoint.maxConcurrent).toBeLessThanOrEqual(4);
  });

  it('times out a push endpoint that does not answer within the ack deadline, then retries', async () => {
    const endpoint = await startPushEndpoint((_, index) => (index === 0 ? undefined : 204));
    const { topic } = await harness.topicWithSubscription('hang', {
      pushConfig: { pushEndpoint: endpoint.url },
      ackDeadlineSeconds: 10,
      retryPolicy,
    });
    await topic.publishMessage({ data: Buffer.from('slow consumer') });
    await expect.poll(() => endpoint.pushes.length, { timeout: 20_000, interval: 200 }).toBe(2);
    const waited = endpoint.pushes[1]!.receivedAt - endpoint.pushes[0]!.receivedAt;
    expect(waited).toBeGreaterThanOrEqual(10_000);
  }, 30_000);

  it('validates max delivery attempts between 5 and 100', async () => {
    const dlq = await deadLetterTopic();
    const [topic] = await pubsub.createTopic(uniqueName('attempts'));
    for (const maxDeliveryAttempts of [4, 101]) {
      await expectStatus(
        topic.createSubscription(uniqueName('attempts'), { deadLetterPolicy: { deadLetterTopic: dlq.topic.name, maxDeliveryAttempts } }),
        status.INVALID_ARGUMENT,
      );
    }
    const [subscription] = await topic.createSubscription(uniqueName('attempts'), {
      deadLetterPolicy: { deadLetterTopic: dlq.topic.name, maxDeliveryAttempts: 100 },
    });
    expect((await subscription.getMetadata())[0].deadLetterPolicy?.maxDeliveryAttempts).toBe(100);
  });
});

describe('delivery attempts on pull (beyond the official emulator)', () => {
  it('counts attempts on Pull and dead-letters after the last nack', async () => {
    const dlq = await deadLetterTopic();
    const { topic, subscription } = await harness.topicWithSubscription('attempts-pull', {
      deadLetterPolicy: { deadLetterTopic: dlq.topic.name, maxDeliveryAttempts: 5 },
    });
    await topic.publishMessage({ data: Buffer.from('retry me') });
    const subscriber = await harness.subscriberClient();
    const attempts: number[] = [];
    // Nacked messages come back at once, so each pull finds it; the bound only stops a broken engine.
    for (let pulls = 0; attempts.length < 5 && pulls < 50; pulls += 1) {
      const [received] = await pullNow(subscriber, subscription.name, 1);
      if (!received) continue;
      attempts.push(received.deliveryAttempt ?? 0);
      await subscriber.modifyAckDeadline({ subscription: subscription.name, ackIds: [received.ackId!], ackDeadlineSeconds: 0 });
    }
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
    await expect.poll(async () => (await pullNow(subscriber, dlq.subscription.name)).map(dataOf)).toEqual(['retry me']);
    expect(await pullNow(subscriber, subscription.name)).toEqual([]);
  });

  it('sets deliveryAttempt on streaming pull messages', async () => {
    const dlq = await deadLetterTopic();
    const { topic, subscription } = await harness.topicWithSubscription('attempts-stream', {
      deadLetterPolicy: { deadLetterTopic: dlq.topic.name, maxDeliveryAttempts: 5 },
    });
    const attempts: number[] = [];
    subscription.on('message', (message: Message) => {
      attempts.push(message.deliveryAttempt);
      if (attempts.length < 3) message.nack();
      else message.ack();
    });
    await topic.publishMessage({ data: Buffer.from('twice refused') });
    await expect.poll(() => attempts).toEqual([1, 2, 3]);
    await subscription.close();
  });
});
