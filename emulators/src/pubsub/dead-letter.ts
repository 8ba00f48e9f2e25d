import type { StoredMessage } from './messages.ts';
import type { ResourceName } from './names.ts';
import type { PubsubMessage } from './wire.ts';

/**
 * The message the real service publishes to a dead-letter topic: the original data, attributes and
 * ordering key, plus attributes saying where it came from and how often delivery was tried.
 */
export function deadLetterMessage(
  message: StoredMessage,
  deliveryAttempts: number,
  source: ResourceName,
): PubsubMessage {
  return {
    data: message.data,
    attributes: {
      ...message.attributes,
      CloudPubSubDeadLetterSourceDeliveryCount: String(deliveryAttempts),
      CloudPubSubDeadLetterSourceSubscription: source.id,
      CloudPubSubDeadLetterSourceSubscriptionProject: source.project,
      // The real service writes an explicit offset rather than Z here.
      CloudPubSubDeadLetterSourceTopicPublishTime: new Date(message.publishTimeMs).toISOString().replace('Z', '+00:00'),
    },
    orderingKey: message.orderingKey,
  };
}
