import { describe, expect, it } from 'vitest';
import type { StoredMessage } from './messages.ts';
import { pushRequest } from './push-request.ts';
import type { PushSettings } from './subscription-config.ts';

const message: StoredMessage = {
  messageId: '7',
  data: Buffer.from('{"hello":"world"}'),
  attributes: { type: 'plaza.test.v1', 'bad header': 'x' },
  orderingKey: 'user-1',
  publishTimeMs: Date.UTC(2024, 0, 2, 3, 4, 5, 678),
};
const push: PushSettings = { endpoint: 'http://127.0.0.1:9/push', attributes: {}, oidc: undefined, unwrapped: undefined };

describe('pushRequest', () => {
  it('wraps the message in the real service’s JSON envelope', () => {
    const request = pushRequest(push, 'projects/p/subscriptions/s', message, 3);
    expect(request.url).toBe('http://127.0.0.1:9/push');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body as string)).toEqual({
      message: {
        attributes: { type: 'plaza.test.v1', 'bad header': 'x' },
        data: Buffer.from('{"hello":"world"}').toString('base64'),
        messageId: '7',
        message_id: '7',
        publishTime: '2024-01-02T03:04:05.678Z',
        publish_time: '2024-01-02T03:04:05.678Z',
        orderingKey: 'user-1',
      },
      subscription: 'projects/p/subscriptions/s',
      deliveryAttempt: 3,
    });
  });

  it('leaves out what is absent', () => {
    const plain = { ...message, attributes: {}, orderingKey: '' };
    const body = JSON.parse(pushRequest(push, 'projects/p/subscriptions/s', plain, undefined).body as string);
    expect(Object.keys(body)).toEqual(['message', 'subscription']);
    expect(Object.keys(body.message).sort()).toEqual(['data', 'messageId', 'message_id', 'publishTime', 'publish_time']);
  });

  it('sends the raw data without a wrapper, metadata in headers when asked', () => {
    const bare = pushRequest({ ...push, unwrapped: { writeMetadata: false } }, 'projects/p/subscriptions/s', message, 2);
    expect(bare.body).toEqual(message.data);
    expect(Object.keys(bare.headers).sort()).toEqual(['content-type', 'user-agent']);

    const withMetadata = pushRequest({ ...push, unwrapped: { writeMetadata: true } }, 'projects/p/subscriptions/s', message, 2);
    expect(withMetadata.headers).toMatchObject({
      type: 'plaza.test.v1',
      'x-goog-pubsub-subscription-name': 'projects/p/subscriptions/s',
      'x-goog-pubsub-message-id': '7',
      'x-goog-pubsub-publish-time': '2024-01-02T03:04:05.678Z',
      'x-goog-pubsub-ordering-key': 'user-1',
      'x-goog-pubsub-delivery-attempt': '2',
    });
    expect(withMetadata.headers).not.toHaveProperty('bad header');
  });
});
