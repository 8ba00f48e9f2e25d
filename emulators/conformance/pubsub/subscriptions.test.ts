import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './support/grpc-status.ts';
import { PROJECT_ID, uniqueName, usePubSub } from './support/pubsub.ts';

const { pubsub } = usePubSub();

describe('subscriptions', () => {
  it('creates, gets, lists and deletes a subscription', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('crud-topic'));
    const id = uniqueName('crud');
    const [subscription] = await topic.createSubscription(id, { ackDeadlineSeconds: 30, labels: { team: 'plaza' } });
    expect(subscription.name).toBe(`projects/${PROJECT_ID}/subscriptions/${id}`);

    const [metadata] = await pubsub.subscription(id).getMetadata();
    expect(metadata).toMatchObject({
      name: subscription.name,
      topic: topic.name,
      ackDeadlineSeconds: 30,
      labels: { team: 'plaza' },
      enableMessageOrdering: false,
    });

    const [all] = await pubsub.getSubscriptions();
    expect(all.map((listed) => listed.name)).toContain(subscription.name);

    await subscription.delete();
    expect((await pubsub.subscription(id).exists())[0]).toBe(false);
    await expectStatus(pubsub.subscription(id).getMetadata(), status.NOT_FOUND);
    await expectStatus(pubsub.subscription(id).delete(), status.NOT_FOUND);
  });

  it('defaults the ack deadline to 10 seconds', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('defaults-topic'));
    const [subscription] = await topic.createSubscription(uniqueName('defaults'));
    expect((await subscription.getMetadata())[0].ackDeadlineSeconds).toBe(10);
  });

  it('refuses duplicates, missing topics and out-of-range ack deadlines', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('refuse-topic'));
    const id = uniqueName('refuse');
    await topic.createSubscription(id);
    await expectStatus(topic.createSubscription(id), status.ALREADY_EXISTS);
    await expectStatus(pubsub.topic(uniqueName('missing')).createSubscription(uniqueName('refuse')), status.NOT_FOUND);
    await expectStatus(topic.createSubscription(uniqueName('refuse'), { ackDeadlineSeconds: 5 }), status.INVALID_ARGUMENT);
    await expectStatus(topic.createSubscription(uniqueName('refuse'), { ackDeadlineSeconds: 601 }), status.INVALID_ARGUMENT);
  });

  it('updates fields named in the update mask', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('update-topic'));
    const [subscription] = await topic.createSubscription(uniqueName('update'), { labels: { a: '1' } });
    const [updated] = await subscription.setMetadata({ ackDeadlineSeconds: 45, labels: { b: '2' } });
    expect(updated).toMatchObject({ ackDeadlineSeconds: 45, labels: { b: '2' } });
    expect((await subscription.getMetadata())[0]).toMatchObject({ ackDeadlineSeconds: 45, labels: { b: '2' } });
  });

  it('switches between pull and push with ModifyPushConfig', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('push-config-topic'));
    const [subscription] = await topic.createSubscription(uniqueName('push-config'));
    await subscription.modifyPushConfig({ pushEndpoint: 'http://127.0.0.1:9/never-called', attributes: { 'x-goog-version': 'v1' } });
    expect((await subscription.getMetadata())[0].pushConfig).toMatchObject({
      pushEndpoint: 'http://127.0.0.1:9/never-called',
      attributes: { 'x-goog-version': 'v1' },
    });
    await subscription.modifyPushConfig({});
    expect((await subscription.getMetadata())[0].pushConfig?.pushEndpoint ?? '').toBe('');
  });

  it('lists the subscriptions of a project page by page', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('pages-topic'));
    await topic.createSubscription(uniqueName('pages'));
    await topic.createSubscription(uniqueName('pages'));
    const [page, next] = await pubsub.getSubscriptions({ pageSize: 1, autoPaginate: false });
    expect(page).toHaveLength(1);
    expect(next).toMatchObject({ pageToken: expect.any(String) });
  });
});
