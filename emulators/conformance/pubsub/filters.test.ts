import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './support/grpc-status.ts';
import { dataOf, pullNow } from './support/pull.ts';
import { uniqueName, usePubSub } from './support/pubsub.ts';

const harness = usePubSub();
const { pubsub } = harness;

const messages: Array<[string, Record<string, string>]> = [
  ['order-eu', { kind: 'order', region: 'eu-west' }],
  ['order-us', { kind: 'order', region: 'us-east' }],
  ['order-test', { kind: 'order', region: 'eu-north', test: 'true' }],
  ['refund', { kind: 'refund', region: 'eu-west' }],
  ['bare', { other: 'x' }],
];

describe('subscription filters', () => {
  it('delivers only matching messages to each subscription and acks the rest', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('filters'));
    const filters: Record<string, string> = {
      equals: 'attributes.kind = "order"',
      notEquals: 'attributes.kind != "order"',
      exists: 'attributes:test',
      notExists: 'NOT attributes:region',
      prefix: 'hasPrefix(attributes.region, "eu-")',
      combined: 'attributes.kind = "order" AND NOT attributes:test',
      grouped: '(attributes.kind = "refund" OR attributes:other) AND NOT hasPrefix(attributes.region, "us")',
    };
    const expected: Record<string, string[]> = {
      equals: ['order-eu', 'order-test', 'order-us'],
      notEquals: ['bare', 'refund'],
      exists: ['order-test'],
      notExists: ['bare'],
      prefix: ['order-eu', 'order-test', 'refund'],
      combined: ['order-eu', 'order-us'],
      grouped: ['bare', 'refund'],
    };
    const subscriptions = Object.fromEntries(
      await Promise.all(
        Object.entries(filters).map(async ([label, filter]) => {
          const [subscription] = await topic.createSubscription(uniqueName(`filter-${label}`), { filter });
          expect((await subscription.getMetadata())[0].filter).toBe(filter);
          return [label, subscription.name] as const;
        }),
      ),
    );
    for (const [data, attributes] of messages) await topic.publishMessage({ data: Buffer.from(data), attributes });

    const subscriber = await harness.subscriberClient();
    for (const [label, name] of Object.entries(subscriptions)) {
      const received: string[] = [];
      await expect
        .poll(async () => {
          received.push(...(await pullNow(subscriber, name)).map(dataOf));
          return [...received].sort();
        })
        .toEqual(expected[label]);
    }
  });

  it('rejects an invalid filter with INVALID_ARGUMENT', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('bad-filter'));
    for (const filter of ['attributes.kind = order', 'attributes:a AND attributes:b OR attributes:c', 'data = "x"']) {
      await expectStatus(topic.createSubscription(uniqueName('bad-filter'), { filter }), status.INVALID_ARGUMENT);
    }
  });

  it('does not let an update change the filter', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('fixed-filter'));
    const [subscription] = await topic.createSubscription(uniqueName('fixed-filter'), { filter: 'attributes:a' });
    await expectStatus(subscription.setMetadata({ filter: 'attributes:b' }), status.INVALID_ARGUMENT);
  });
});
