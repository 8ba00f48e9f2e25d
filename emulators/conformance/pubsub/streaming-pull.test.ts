import type { Message } from '@google-cloud/pubsub';
import { describe, expect, it } from 'vitest';
import { usePubSub } from './support/pubsub.ts';
import { openRawStream } from './support/raw-streams.ts';

const harness = usePubSub();
const { pubsub } = harness;

const publishAll = async (topic: string, count: number): Promise<string[]> => {
  const publisher = await harness.publisherClient();
  const [response] = await publisher.publish({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ data: Buffer.from(`m${i}`) })),
  });
  return response.messageIds ?? [];
};

describe('StreamingPull with the official client', () => {
  it('delivers every message to a subscriber once it acks', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('stream');
    const received: string[] = [];
    subscription.on('message', (message: Message) => {
      received.push(message.id);
      message.ack();
    });
    const ids = await publishAll(topic.name, 20);
    await expect.poll(() => received.length).toBe(20);
    expect([...received].sort()).toEqual([...ids].sort());
    await subscription.close();
  });

  it('never has more than maxMessages outstanding across the client’s streams', async () => {
    const { topic, subscription: created } = await harness.topicWithSubscription('flow');
    const subscription = pubsub.subscription(created.name, {
      flowControl: { maxMessages: 2, allowExcessMessages: false },
      streamingOptions: { maxStreams: 2 },
    });
    let outstanding = 0;
    let maxOutstanding = 0;
    const received = new Set<string>();
    subscription.on('message', (message: Message) => {
      outstanding += 1;
      maxOutstanding = Math.max(maxOutstanding, outstanding);
      received.add(message.id);
      setTimeout(() => {
        outstanding -= 1;
        message.ack();
      }, 20);
    });
    const ids = await publishAll(topic.name, 12);
    await expect.poll(() => received.size, { timeout: 10_000 }).toBe(12);
    expect(maxOutstanding).toBeLessThanOrEqual(2);
    expect([...received].sort()).toEqual([...ids].sort());
    await subscription.close();
  });

  it('redelivers what a closed subscriber held to another subscriber', async () => {
    const { topic, subscription: first } = await harness.topicWithSubscription('handover');
    const held = new Promise<Message>((resolve) => first.once('message', resolve));
    const id = await topic.publishMessage({ data: Buffer.from('held') });
    expect((await held).id).toBe(id);
    await first.close();

    const second = pubsub.subscription(first.name);
    const again = await new Promise<Message>((resolve) => second.once('message', resolve));
    expect(again.id).toBe(id);
    again.ack();
    await second.close();
  });
});

describe('StreamingPull flow control and stream closing (beyond the official emulator)', () => {
  it('shares one subscriber’s maxOutstandingMessages across its streams, balanced', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('raw-flow');
    const subscriber = await harness.subscriberClient();
    const streams = [0, 1, 2].map(() =>
      openRawStream(subscriber, {
        subscription: subscription.name,
        streamAckDeadlineSeconds: 60,
        maxOutstandingMessages: 3,
      }),
    );
    // A unary round trip on the same connection: the streams' first requests are in by then.
    await subscription.getMetadata();
    await publishAll(topic.name, 9);

    const counts = () => streams.map((stream) => stream.received.length);
    const ackAll = async () => {
      const ackIds = streams.flatMap((stream) => stream.received.map((m) => m.ackId!));
      await subscriber.acknowledge({ subscription: subscription.name, ackIds });
    };
    await expect.poll(counts).toEqual([1, 1, 1]);
    await subscription.getMetadata();
    expect(counts()).toEqual([1, 1, 1]);
    await ackAll();
    await expect.poll(counts).toEqual([2, 2, 2]);
    await ackAll();
    await expect.poll(counts).toEqual([3, 3, 3]);
    for (const stream of streams) stream.cancel();
  });

  it('makes a cancelled stream’s messages available at once, long before their deadline', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('raw-cancel');
    const subscriber = await harness.subscriberClient();
    const stream = openRawStream(subscriber, { subscription: subscription.name, streamAckDeadlineSeconds: 600 });
    const id = await topic.publishMessage({ data: Buffer.from('orphaned') });
    await expect.poll(() => stream.received.length).toBe(1);
    stream.cancel();
    await expect
      .poll(async () => {
        const [response] = await subscriber.pull({ subscription: subscription.name, maxMessages: 1, returnImmediately: true });
        return response.receivedMessages?.map((m) => m.message?.messageId);
      })
      .toEqual([id]);
  });
});
