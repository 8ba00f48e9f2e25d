import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './support/grpc-status.ts';
import { PROJECT_ID, uniqueName, usePubSub } from './support/pubsub.ts';

const { pubsub } = usePubSub();

describe('topics', () => {
  it('creates, gets, lists and deletes a topic', async () => {
    const id = uniqueName('crud');
    const [topic] = await pubsub.createTopic({ name: id, labels: { team: 'plaza' } });
    expect(topic.name).toBe(`projects/${PROJECT_ID}/topics/${id}`);

    const [metadata] = await pubsub.topic(id).getMetadata();
    expect(metadata.name).toBe(topic.name);
    expect(metadata.labels).toEqual({ team: 'plaza' });
    expect((await pubsub.topic(id).exists())[0]).toBe(true);

    const [topics] = await pubsub.getTopics();
    expect(topics.map((listed) => listed.name)).toContain(topic.name);

    await topic.delete();
    expect((await pubsub.topic(id).exists())[0]).toBe(false);
    await expectStatus(pubsub.topic(id).getMetadata(), status.NOT_FOUND);
    await expectStatus(pubsub.topic(id).delete(), status.NOT_FOUND);
  });

  it('refuses a second topic with the same name', async () => {
    const id = uniqueName('twice');
    await pubsub.createTopic(id);
    await expectStatus(pubsub.createTopic(id), status.ALREADY_EXISTS);
  });

  it('updates labels through the update mask', async () => {
    const [topic] = await pubsub.createTopic({ name: uniqueName('labels'), labels: { a: '1' } });
    const [updated] = await topic.setMetadata({ labels: { b: '2' } });
    expect(updated.labels).toEqual({ b: '2' });
    expect((await topic.getMetadata())[0].labels).toEqual({ b: '2' });
  });

  it('pages through topics', async () => {
    const ids = [uniqueName('page'), uniqueName('page'), uniqueName('page')];
    for (const id of ids) await pubsub.createTopic(id);
    const [firstPage, nextRequest] = await pubsub.getTopics({ pageSize: 1, autoPaginate: false });
    expect(firstPage).toHaveLength(1);
    expect(nextRequest).toMatchObject({ pageToken: expect.any(String) });
  });

  it('lists the subscriptions of a topic', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('subs'));
    const [first] = await topic.createSubscription(uniqueName('subs-a'));
    const [second] = await topic.createSubscription(uniqueName('subs-b'));
    const [listed] = await topic.getSubscriptions();
    expect(listed.map((subscription) => subscription.name).sort()).toEqual([first.name, second.name].sort());
  });

  it('keeps subscriptions of a deleted topic, detached from it', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('deleted'));
    const [subscription] = await topic.createSubscription(uniqueName('orphan'));
    await topic.delete();
    const [metadata] = await subscription.getMetadata();
    expect(metadata.topic).toBe('_deleted-topic_');
  });

  it('publishes and returns message ids', async () => {
    const [topic] = await pubsub.createTopic(uniqueName('publish'));
    const ids = await Promise.all([
      topic.publishMessage({ data: Buffer.from('one') }),
      topic.publishMessage({ attributes: { only: 'attributes' } }),
    ]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    await expectStatus(pubsub.topic(uniqueName('missing')).publishMessage({ data: Buffer.from('x') }), status.NOT_FOUND);
  });
});
