import { describe, expect, it } from 'vitest';
import { deadLetterMessage } from './dead-letter.ts';

describe('deadLetterMessage', () => {
  it('keeps the message and adds where it came from', () => {
    const forwarded = deadLetterMessage(
      {
        messageId: '9',
        data: Buffer.from('poison'),
        attributes: { a: 'b' },
        orderingKey: 'k',
        publishTimeMs: Date.UTC(2024, 4, 6, 7, 8, 9, 10),
      },
      5,
      { project: 'p', id: 'orders-push', name: 'projects/p/subscriptions/orders-push' },
    );
    expect(forwarded).toEqual({
      data: Buffer.from('poison'),
      attributes: {
        a: 'b',
        CloudPubSubDeadLetterSourceDeliveryCount: '5',
        CloudPubSubDeadLetterSourceSubscription: 'orders-push',
        CloudPubSubDeadLetterSourceSubscriptionProject: 'p',
        CloudPubSubDeadLetterSourceTopicPublishTime: '2024-05-06T07:08:09.010+00:00',
      },
      orderingKey: 'k',
    });
  });
});
