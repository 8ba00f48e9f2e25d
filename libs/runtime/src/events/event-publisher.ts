import type { CloudEvent } from '@plaza/contracts';
import type { PubSub, Topic } from '@google-cloud/pubsub';
import { pubsub } from '../firebase/index.ts';
import { messageAttributesFor } from './message-attributes.ts';

/**
 * Sends one event to its topic. An injected dependency of the outbox, so a test can stand in a
 * publisher that dies between commit and publish without a test-only branch in the outbox.
 */
export interface EventPublisher {
  publish(topic: string, event: CloudEvent): Promise<void>;
}

/** Publishes to Pub/Sub; the message data is the structured CloudEvent JSON. */
export function pubsubEventPublisher(client: () => Promise<PubSub> = pubsub): EventPublisher {
  // One Topic per name: each owns a batching publisher, which a Topic per call would leak.
  const topics = new Map<string, Topic>();
  const topicNamed = async (name: string): Promise<Topic> => {
    let topic = topics.get(name);
    if (!topic) {
      topic = (await client()).topic(name);
      topics.set(name, topic);
    }
    return topic;
  };
  return {
    async publish(topic, event) {
      await (await topicNamed(topic)).publishMessage({
        data: Buffer.from(JSON.stringify(event)),
        attributes: messageAttributesFor(event),
      });
    },
  };
}
