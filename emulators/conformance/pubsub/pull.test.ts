import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './support/grpc-status.ts';
import { dataOf, pullNow, type ReceivedMessage } from './support/pull.ts';
import { uniqueName, usePubSub } from './support/pubsub.ts';

const harness = usePubSub();

async function pullOnce(subscription: string): Promise<ReceivedMessage[]> {
  return pullNow(await harness.subscriberClient(), subscription);
}

/** Pulls until `count` messages came or the poll times out. */
async function pullAtLeast(subscription: string, count: number, timeout = 5000) {
  const received: ReceivedMessage[] = [];
  await expect
    .poll(
      async () => {
        received.push(...(await pullOnce(subscription)));
        return received.length;
      },
      { timeout, interval: 50 },
    )
    .toBeGreaterThanOrEqual(count);
  return received;
}

describe('Pull and Acknowledge', () => {
  it('delivers published messages with their data, attributes and ids, and forgets acked ones', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('pull');
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((data) => topic.publishMessage({ data: Buffer.from(data), attributes: { letter: data } })),
    );
    const received = await pullAtLeast(subscription.name, 3);
    expect(received.map((m) => m.message?.messageId).sort()).toEqual([...ids].sort());
    for (const m of received) {
      expect(m.message?.attributes).toEqual({ letter: dataOf(m) });
      expect(Number(m.message?.publishTime?.seconds)).toBeGreaterThan(0);
      expect(m.deliveryAttempt ?? 0).toBe(0);
    }
    const subscriber = await harness.subscriberClient();
    await subscriber.acknowledge({ subscription: subscription.name, ackIds: received.map((m) => m.ackId!) });
    await subscriber.modifyAckDeadline({ subscription: subscription.name, ackIds: [received[0]!.ackId!], ackDeadlineSeconds: 0 });
    expect(await pullOnce(subscription.name)).toEqual([]);
  });

  it('does not deliver messages published before the subscription existed', async () => {
    const [topic] = await harness.pubsub.createTopic(uniqueName('before'));
    await topic.publishMessage({ data: Buffer.from('too early') });
    const [subscription] = await topic.createSubscription(uniqueName('before-sub'));
    const id = await topic.publishMessage({ data: Buffer.from('in time') });
    const received = await pullAtLeast(subscription.name, 1);
    expect(received.map((m) => m.message?.messageId)).toEqual([id]);
    expect(await pullOnce(subscription.name)).toEqual([]);
  });

  it('redelivers at once after a ModifyAckDeadline of 0 (a nack), with a new ack id', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('nack');
    const id = await topic.publishMessage({ data: Buffer.from('again') });
    const [first] = await pullAtLeast(subscription.name, 1);
    const subscriber = await harness.subscriberClient();
    await subscriber.modifyAckDeadline({ subscription: subscription.name, ackIds: [first!.ackId!], ackDeadlineSeconds: 0 });
    const [second] = await pullAtLeast(subscription.name, 1);
    expect(second!.message?.messageId).toBe(id);
    expect(second!.ackId).not.toBe(first!.ackId);
  });

  it('redelivers after the ack deadline passes, not before', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('deadline');
    const id = await topic.publishMessage({ data: Buffer.from('slow') });
    const [first] = await pullAtLeast(subscription.name, 1);
    const subscriber = await harness.subscriberClient();
    // ModifyAckDeadline takes 0–600 s, so a short lease keeps this test quick.
    await subscriber.modifyAckDeadline({ subscription: subscription.name, ackIds: [first!.ackId!], ackDeadlineSeconds: 2 });
    const leasedAt = Date.now();
    expect(await pullOnce(subscription.name)).toEqual([]);
    const [again] = await pullAtLeast(subscription.name, 1, 10_000);
    expect(Date.now() - leasedAt).toBeGreaterThanOrEqual(1500);
    expect(again!.message?.messageId).toBe(id);
  });

  it('waits for a message when not asked to return immediately', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('long-poll');
    const subscriber = await harness.subscriberClient();
    const pulled = subscriber.pull({ subscription: subscription.name, maxMessages: 1 }, { timeout: 20_000 });
    const id = await topic.publishMessage({ data: Buffer.from('late') });
    const [response] = await pulled;
    expect(response.receivedMessages?.map((m) => m.message?.messageId)).toEqual([id]);
  });

  it('answers a pull on a missing subscription with NOT_FOUND', async () => {
    const subscriber = await harness.subscriberClient();
    await expectStatus(
      subscriber.pull({ subscription: 'projects/plaza-conformance/subscriptions/never-created', maxMessages: 1 }),
      status.NOT_FOUND,
    );
  });
});
