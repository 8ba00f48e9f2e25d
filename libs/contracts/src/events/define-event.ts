import type { z } from 'zod';
import { parseEventType, topicNameFor } from './event-type.ts';

export interface EventDefinition<T = unknown> {
  readonly type: string;
  readonly module: string;
  /** Validates `data` of this event type, on emit and again on receipt. */
  readonly schema: z.ZodType<T>;
  /** The Pub/Sub topic carrying this type. */
  readonly topic: string;
}

/** Declares an event type; throws at import time when the name breaks the naming rule. */
export function defineEvent<T>(type: string, schema: z.ZodType<T>): EventDefinition<T> {
  const { module } = parseEventType(type);
  return { type, module, schema, topic: topicNameFor(type) };
}
