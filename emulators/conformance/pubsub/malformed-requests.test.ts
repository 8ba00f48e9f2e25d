import * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './support/grpc-status.ts';
import { PROJECT_ID, pubsubEmulatorHost, uniqueName, usePubSub } from './support/pubsub.ts';
import { openRawStream } from './support/raw-streams.ts';

const harness = usePubSub();
const project = `projects/${PROJECT_ID}`;

describe('malformed requests get a gRPC status and the server keeps serving', () => {
  it('rejects invalid resource names with INVALID_ARGUMENT', async () => {
    const publisher = await harness.publisherClient();
    const subscriber = await harness.subscriberClient();
    for (const name of [
      `${project}/topics/`,
      `${project}/topics/ab`,
      `${project}/topics/${'a'.repeat(256)}`,
      `${project}/topics/9starts-with-a-digit`,
      `${project}/topics/goog-reserved`,
      `${project}/topics/has space`,
      'topics/no-project',
    ]) {
      await expectStatus(publisher.createTopic({ name }), status.INVALID_ARGUMENT);
    }
    await expectStatus(publisher.getTopic({ topic: `${project}/subscriptions/wrong-kind` }), status.INVALID_ARGUMENT);
    await expectStatus(
      subscriber.createSubscription({ name: `${project}/subscriptions/`, topic: `${project}/topics/whatever` }),
      status.INVALID_ARGUMENT,
    );
    await expectStatus(publisher.listTopics({ project: 'not-a-project-name' }), status.INVALID_ARGUMENT);
  });

  it('answers missing resources with NOT_FOUND', async () => {
    const publisher = await harness.publisherClient();
    const subscriber = await harness.subscriberClient();
    const topic = `${project}/topics/${uniqueName('missing')}`;
    const subscription = `${project}/subscriptions/${uniqueName('missing')}`;
    await expectStatus(publisher.getTopic({ topic }), status.NOT_FOUND);
    await expectStatus(publisher.publish({ topic, messages: [{ data: Buffer.from('x') }] }), status.NOT_FOUND);
    await expectStatus(subscriber.createSubscription({ name: subscription, topic }), status.NOT_FOUND);
    await expectStatus(subscriber.acknowledge({ subscription, ackIds: ['a'] }), status.NOT_FOUND);
    await expectStatus(
      subscriber.modifyAckDeadline({ subscription, ackIds: ['a'], ackDeadlineSeconds: 10 }),
      status.NOT_FOUND,
    );
  });

  it('rejects invalid publish, pull and ack requests with INVALID_ARGUMENT', async () => {
    const { topic, subscription } = await harness.topicWithSubscription('invalid');
    const publisher = await harness.publisherClient();
    const subscriber = await harness.subscriberClient();
    await expectStatus(publisher.publish({ topic: topic.name, messages: [] }), status.INVALID_ARGUMENT);
    await expectStatus(publisher.publish({ topic: topic.name, messages: [{}] }), status.INVALID_ARGUMENT);
    await expectStatus(
      publisher.publish({ topic: topic.name, messages: [{ data: Buffer.from('x'), attributes: { googKey: 'v' } }] }),
      status.INVALID_ARGUMENT,
    );
    await expectStatus(subscriber.pull({ subscription: subscription.name, maxMessages: 0 }), status.INVALID_ARGUMENT);
    await expectStatus(subscriber.acknowledge({ subscription: subscription.name, ackIds: [] }), status.INVALID_ARGUMENT);
    await expectStatus(
      subscriber.modifyAckDeadline({ subscription: subscription.name, ackIds: ['a'], ackDeadlineSeconds: 601 }),
      status.INVALID_ARGUMENT,
    );
  });

  it('ends a StreamingPull on a missing subscription or with a bad deadline with a status', async () => {
    const { subscription } = await harness.topicWithSubscription('bad-stream');
    const subscriber = await harness.subscriberClient();
    const streamStatus = (request: object) =>
      new Promise<number>((resolve) => {
        const stream = subscriber.streamingPull();
        stream.on('error', (error: grpc.ServiceError) => resolve(error.code));
        stream.on('data', () => undefined);
        stream.write(request);
      });
    expect(
      await streamStatus({ subscription: `${project}/subscriptions/${uniqueName('nope')}`, streamAckDeadlineSeconds: 10 }),
    ).toBe(status.NOT_FOUND);
    expect(await streamStatus({ subscription: subscription.name, streamAckDeadlineSeconds: 5 })).toBe(
      status.INVALID_ARGUMENT,
    );
    expect(await streamStatus({ subscription: subscription.name, streamAckDeadlineSeconds: 10, ackIds: [''] })).toBe(
      status.INVALID_ARGUMENT,
    );
  });

  it('survives bytes that are not a protobuf message and keeps serving', async () => {
    const client = new grpc.Client(pubsubEmulatorHost(), grpc.credentials.createInsecure());
    const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x12, 0x80]);
    const code = await new Promise<number>((resolve) => {
      client.makeUnaryRequest(
        '/google.pubsub.v1.Publisher/CreateTopic',
        (value: Buffer) => value,
        (value: Buffer) => value,
        garbage,
        (error) => resolve(error?.code ?? status.OK),
      );
    });
    client.close();
    expect(code).not.toBe(status.OK);

    const [topic] = await harness.pubsub.createTopic(uniqueName('still-serving'));
    const subscriber = await harness.subscriberClient();
    const [subscription] = await topic.createSubscription(uniqueName('still-serving'));
    const stream = openRawStream(subscriber, { subscription: subscription.name, streamAckDeadlineSeconds: 10 });
    await topic.publishMessage({ data: Buffer.from('alive') });
    await expect.poll(() => stream.received.length).toBe(1);
    stream.cancel();
  });
});
