import type { Message } from '@google-cloud/pubsub';
import { describe, expect, it } from 'vitest';
import { dataOf, pullNow } from './support/pull.ts';
import { usePubSub } from './support/pubsub.ts';

const harness = usePubSub();
const { pubsub } = harness;

async function orderedTopicAndSubscription(label: string) {
  const { topic, subscription } = await harness.topicWithSubscription(label, { enableMessageOrdering: true });
  return { topic: pubsub.topic(topic.name, { messageOrdering: true }), subscription };
}

describe('ordering keys', () => {
  it('delivers the messages of each key in publish order', async () => {
    const { topic, subscription } = await orderedTopicAndSubscription('ordered');
    expect((await subscription.getMetadata())[0].enableMessageOrdering).toBe(true);
    const published = Array.from({ length: 10 }, (_, i) => [`a${i}`, `b${i}`]).flat();
    await Promise.all(
      published.map((data) => topic.publishMessage({ data: Buffer.from(data), orderingKey: data[0] })),
    );
    const byKey: Record<string, string[]> = { a: [], b: [] };
    subscription.on('message', (message: Message) => {
      byKey[message.orderingKey ?? '']!.push(message.data.toString());
      message.ack();
    });
    await expect.poll(() => byKey.a!.length + byKey.b!.length, { timeout: 15_000 }).toBe(20);
    expect(byKey.a).toEqual(published.filter((data) => data.startsWith('a')));
    expect(byKey.b).toEqual(published.filter((data) => data.startsWith('b')));
    await subscription.close();
  });
});

describe('ordering-key gating (beyond the official emulator)', () => {
  it('holds the next messages of a key until the delivered ones are acked', async () => {
    const { topic, subscription } = await orderedTopicAndSubscription('gated');
    for (const [data, orderingKey] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b'], ['n1', '']] as const) {
      await topic.publishMessage({ data: Buffer.from(data), orderingKey });
    }
    const subscriber = await harness.subscriberClient();
    const first = await pullNow(subscriber, subscription.name);
    expect(first.map(dataOf)).toEqual(['a1', 'a2', 'b1', 'n1']);

    await topic.publishMessage({ data: Buffer.from('a3'), orderingKey: 'a' });
    expect(await pullNow(subscriber, subscription.name)).toEqual([]);
    const ack = (data: string) =>
      subscriber.acknowledge({ subscription: subscription.name, ackIds: [first.find((m) => dataOf(m) === data)!.ackId!] });
    await ack('a1');
    expect(await pullNow(subscriber, subscription.name)).toEqual([]);
    await ack('a2');
    expect((await pullNow(subscriber, subscription.name)).map(dataOf)).toEqual(['a3']);
  });

  it('redelivers a nacked message with the rest of its key after it', async () => {
    const { topic, subscription } = await orderedTopicAndSubscription('nacked');
    for (const data of ['k1', 'k2']) await topic.publishMessage({ data: Buffer.from(data), orderingKey: 'k' });
    const subscriber = await harness.subscriberClient();
    const [k1, k2] = await pullNow(subscriber, subscription.name);
    expect([k1, k2].map((m) => dataOf(m!))).toEqual(['k1', 'k2']);
    await subscriber.modifyAckDeadline({ subscription: subscription.name, ackIds: [k1!.ackId!], ackDeadlineSeconds: 0 });

    const again = await pullNow(subscriber, subscription.name);
    expect(again.map(dataOf)).toEqual(['k1', 'k2']);
    await subscriber.acknowledge({ subscription: subscription.name, ackIds: again.map((m) => m.ackId!) });
    expect(await pullNow(subscriber, subscription.name)).toEqual([]);
  });
});
