import { describe, expect, it } from 'vitest';
import { startPushEndpoint } from './support/push-endpoint.ts';
import { usePubSub } from './support/pubsub.ts';

const harness = usePubSub();

describe('push subscriptions', () => {
  it('POSTs each message in the push JSON format', async () => {
    const endpoint = await startPushEndpoint(() => 204);
    const { topic, subscription } = await harness.topicWithSubscription('push-format', {
      pushConfig: { pushEndpoint: endpoint.url },
    });
    const id = await topic.publishMessage({ data: Buffer.from('{"hello":"plaza"}'), attributes: { type: 'plaza.test.v1' } });
    await expect.poll(() => endpoint.pushes.length).toBe(1);

    const [push] = endpoint.pushes;
    expect(push!.headers['content-type']).toBe('application/json');
    expect(push!.body).toEqual({
      message: {
        data: Buffer.from('{"hello":"plaza"}').toString('base64'),
        attributes: { type: 'plaza.test.v1' },
        messageId: id,
        message_id: id,
        publishTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        publish_time: push!.body.message.publishTime,
      },
      subscription: subscription.name,
    });
  });

  it('acks on success and retries a failed push until the endpoint accepts it', async () => {
    let failures = 0;
    const endpoint = await startPushEndpoint((push) => {
      const data = Buffer.from(push.body.message.data, 'base64').toString();
      if (data === 'flaky' && failures < 2) {
        failures += 1;
        return 503;
      }
      return 200;
    });
    const { topic } = await harness.topicWithSubscription('push-retry', { pushConfig: { pushEndpoint: endpoint.url } });
    await topic.publishMessage({ data: Buffer.from('fine') });
    await topic.publishMessage({ data: Buffer.from('flaky') });

    const deliveries = (data: string) =>
      endpoint.pushes.filter((push) => Buffer.from(push.body.message.data, 'base64').toString() === data).length;
    await expect.poll(() => deliveries('flaky'), { timeout: 20_000 }).toBe(3);
    // By the flaky message's third attempt, an unacked "fine" would have been pushed again too.
    expect(deliveries('fine')).toBe(1);
  });
});
