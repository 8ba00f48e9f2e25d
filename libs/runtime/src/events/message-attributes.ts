import type { CloudEvent } from '@plaza/contracts';

/**
 * The CloudEvents Pub/Sub binding's `ce-` attributes, duplicated from the envelope in the data so
 * subscriptions can filter (`attributes.ce-type = "..."`) and operators can read them without
 * decoding the message.
 */
export function messageAttributesFor(event: CloudEvent): Record<string, string> {
  return {
    'ce-specversion': event.specversion,
    'ce-id': event.id,
    'ce-source': event.source,
    'ce-type': event.type,
    'ce-time': event.time,
    ...(event.subject === undefined ? {} : { 'ce-subject': event.subject }),
    'content-type': 'application/cloudevents+json',
  };
}
