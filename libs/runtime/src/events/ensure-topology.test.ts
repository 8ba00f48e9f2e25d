import { declareSubscription, eventCatalog, userRegistered } from '@plaza/contracts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTopology } from './ensure-topology.ts';
import { pullNow, useEmulators } from './test-support.ts';

const { pubsub, subscriber } = useEmulators('ensure-topology');
// Backoffs of a second at most, so five failed pushes reach the dead-letter topic within the test.
const alwaysFailing = declareSubscription({
  name: 'topologytest.always-fails',
  event: userRegistered,
  minBackoffSeconds: 0,
  maxBackoffSeconds: 1,
  maxDeliveryAttempts: 5,
});

let pushes = 0;
const failingEndpoint = createServer((_request, response) => {
  pushes += 1;
  response.writeHead(500).end();
});
afterAll(() => new Promise<void>((resolve) => failingEndpoint.close(() => resolve())));

const ids = async (list: Promise<[{ name?: string | null }[], ...unknown[]]>) => (await list)[0].map(({ name }) => name!.split('/').pop());

describe('ensureTopology', () => {
  it('creates topics, dead-letter topics with their pull subscriptions and push subscriptions, and can run again', async () => {
    const options = { pushBaseUrl: 'http://127.0.0.1:1', subscriptions: [alwaysFailing], ackDeadlineSeconds: 10 };
    await ensureTopology(pubsub, options);
    await ensureTopology(pubsub, { ...options, pushBaseUrl: 'http://127.0.0.1:2' });

    expect((await ids(pubsub.getTopics())).sort()).toEqual([...eventCatalog.map((event) => event.topic), alwaysFailing.deadLetterTopic].sort());
    expect((await ids(pubsub.getSubscriptions())).sort()).toEqual([alwaysFailing.name, alwaysFailing.deadLetterTopic].sort());
    const [metadata] = await pubsub.subscription(alwaysFailing.name).getMetadata();
    expect(metadata).toMatchObject({
      topic: pubsub.topic(userRegistered.topic).name,
      ackDeadlineSeconds: 10,
      pushConfig: { pushEndpoint: `http://127.0.0.1:2${alwaysFailing.pushPath}` },
      deadLetterPolicy: { deadLetterTopic: pubsub.topic(alwaysFailing.deadLetterTopic).name, maxDeliveryAttempts: 5 },
    });
  });

  it('sends a message its push endpoint keeps failing to the dead-letter subscription after maxDeliveryAttempts', async () => {
    await new Promise<void>((resolve) => failingEndpoint.listen(0, '127.0.0.1', resolve));
    const pushBaseUrl = `http://127.0.0.1:${(failingEndpoint.address() as AddressInfo).port}`;
    await ensureTopology(pubsub, { pushBaseUrl, subscriptions: [alwaysFailing], ackDeadlineSeconds: 10 });

    await pubsub.topic(userRegistered.topic).publishMessage({ data: Buffer.from('poison') });
    const deadLetters = pubsub.subscription(alwaysFailing.deadLetterTopic).name;
    const client = await subscriber();
    const received: { data: string }[] = [];
    await expect
      .poll(async () => received.push(...(await pullNow(client, deadLetters))), { timeout: 20_000, interval: 250 })
      .toBeGreaterThan(0);
    expect(received.map(({ data }) => data)).toEqual(['poison']);
    expect(pushes).toBe(5);
  });
});
