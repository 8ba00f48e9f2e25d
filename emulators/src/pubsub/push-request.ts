import type { StoredMessage } from './messages.ts';
import type { PushSettings } from './subscription-config.ts';

/**
 * The HTTP request of one push, in the real service's format. By default the body wraps the
 * message: `{ message: { data, attributes, messageId, message_id, publishTime, publish_time,
 * orderingKey }, subscription, deliveryAttempt }`. With no_wrapper the body is the raw data, and
 * with write_metadata the attributes and message metadata travel as headers.
 */
export interface PushRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

const USER_AGENT = 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)';
// Attribute keys that are not valid header names cannot be written as headers, so they are left out.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function pushRequest(
  push: PushSettings,
  subscription: string,
  message: StoredMessage,
  deliveryAttempt: number | undefined,
): PushRequest {
  const publishTime = new Date(message.publishTimeMs).toISOString();
  if (push.unwrapped) {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'user-agent': USER_AGENT };
    if (push.unwrapped.writeMetadata) {
      for (const [key, value] of Object.entries(message.attributes)) if (HEADER_NAME.test(key)) headers[key] = value;
      headers['x-goog-pubsub-subscription-name'] = subscription;
      headers['x-goog-pubsub-message-id'] = message.messageId;
      headers['x-goog-pubsub-publish-time'] = publishTime;
      if (message.orderingKey) headers['x-goog-pubsub-ordering-key'] = message.orderingKey;
      if (deliveryAttempt !== undefined) headers['x-goog-pubsub-delivery-attempt'] = String(deliveryAttempt);
    }
    return { url: push.endpoint, headers, body: message.data };
  }
  const body = {
    message: {
      ...(Object.keys(message.attributes).length > 0 ? { attributes: message.attributes } : {}),
      data: message.data.toString('base64'),
      messageId: message.messageId,
      message_id: message.messageId,
      publishTime,
      publish_time: publishTime,
      ...(message.orderingKey ? { orderingKey: message.orderingKey } : {}),
    },
    subscription,
    ...(deliveryAttempt !== undefined ? { deliveryAttempt } : {}),
  };
  return {
    url: push.endpoint,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
    body: JSON.stringify(body),
  };
}
