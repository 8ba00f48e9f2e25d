import { invalidArgument } from './errors.ts';
import { msToTimestamp, type PubsubMessage } from './wire.ts';

/** A published message as every subscription of its topic stores it (immutable, shared). */
export interface StoredMessage {
  readonly messageId: string;
  readonly data: Buffer;
  readonly attributes: Readonly<Record<string, string>>;
  readonly orderingKey: string;
  readonly publishTimeMs: number;
}

// The real service's publish quotas.
const MAX_MESSAGES_PER_PUBLISH = 1000;
const MAX_ATTRIBUTES = 100;
const MAX_ATTRIBUTE_KEY_BYTES = 256;
const MAX_ATTRIBUTE_VALUE_BYTES = 1024;
const MAX_ORDERING_KEY_BYTES = 1024;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Checks a publish request's messages against the real service's rules before any is stored. */
export function validatePublishedMessages(messages: readonly PubsubMessage[] | undefined): readonly PubsubMessage[] {
  if (!messages || messages.length === 0) throw invalidArgument('The publish request must contain at least one message.');
  if (messages.length > MAX_MESSAGES_PER_PUBLISH) {
    throw invalidArgument(`A publish request may contain at most ${MAX_MESSAGES_PER_PUBLISH} messages.`);
  }
  for (const message of messages) {
    const attributes = Object.entries(message.attributes ?? {});
    if ((message.data?.length ?? 0) === 0 && attributes.length === 0) {
      throw invalidArgument(
        'Some messages in the publish request are empty. Each message must contain a non-empty data field, or at least one attribute.',
      );
    }
    if (attributes.length > MAX_ATTRIBUTES) throw invalidArgument(`A message may have at most ${MAX_ATTRIBUTES} attributes.`);
    for (const [key, value] of attributes) {
      if (key === '' || bytes(key) > MAX_ATTRIBUTE_KEY_BYTES) {
        throw invalidArgument(`Invalid attribute key (empty or longer than ${MAX_ATTRIBUTE_KEY_BYTES} bytes): ${key}`);
      }
      if (key.toLowerCase().startsWith('goog')) throw invalidArgument(`The attribute key prefix "goog" is reserved: ${key}`);
      if (bytes(value) > MAX_ATTRIBUTE_VALUE_BYTES) {
        throw invalidArgument(`The value of attribute ${key} is longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes.`);
      }
    }
    if (bytes(message.orderingKey ?? '') > MAX_ORDERING_KEY_BYTES) {
      throw invalidArgument(`An ordering key may be at most ${MAX_ORDERING_KEY_BYTES} bytes.`);
    }
  }
  return messages;
}

export function storeMessage(message: PubsubMessage, messageId: string, publishTimeMs: number): StoredMessage {
  return {
    messageId,
    data: Buffer.from(message.data ?? Buffer.alloc(0)),
    attributes: { ...message.attributes },
    orderingKey: message.orderingKey ?? '',
    publishTimeMs,
  };
}

export function toWireMessage(message: StoredMessage): PubsubMessage {
  return {
    data: message.data,
    attributes: { ...message.attributes },
    messageId: message.messageId,
    publishTime: msToTimestamp(message.publishTimeMs),
    orderingKey: message.orderingKey,
  };
}
