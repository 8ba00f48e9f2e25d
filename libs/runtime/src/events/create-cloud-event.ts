import { randomUUID } from 'node:crypto';
import type { CloudEvent, EventDefinition } from '@plaza/contracts';

export interface CloudEventOptions {
  /** What the event is about, e.g. `users/{uid}`; lets consumers and logs find the entity. */
  readonly subject?: string;
}

/**
 * Builds the envelope for an event the caller is about to emit. The data is validated here, at
 * the producer, so a bad event fails its use case instead of being rejected by every consumer.
 */
export function createCloudEvent<T>(
  definition: EventDefinition<T>,
  data: T,
  options: CloudEventOptions = {},
  now: Date = new Date(),
): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `/plaza/${definition.module}`,
    type: definition.type,
    time: now.toISOString(),
    // Firestore rejects undefined fields, so an absent subject is left out rather than undefined.
    ...(options.subject === undefined ? {} : { subject: options.subject }),
    datacontenttype: 'application/json',
    data: definition.schema.parse(data),
  };
}
