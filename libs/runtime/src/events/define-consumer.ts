import { subscriptions, type CloudEvent, type EventDefinition, type SubscriptionDeclaration } from '@plaza/contracts';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Handler } from 'hono';
import { firestore } from '../firebase/index.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';
import type { Logger } from '../logging/logger.ts';
import { decodePushedEvent, pushRequestSchema, type PushRequest } from './push-request.ts';

export interface ConsumerContext<T> {
  /** The transaction that also records the event as processed: write the effect through it. */
  readonly tx: Transaction;
  readonly event: CloudEvent<T>;
  /** The request's logger, with the event id. */
  readonly logger: Logger;
}

export interface ConsumerDefinition<T> {
  /** The subscription's name in libs/contracts/src/subscriptions.ts. */
  readonly name: string;
  readonly event: EventDefinition<T>;
  handle(context: ConsumerContext<T>): Promise<void>;
  /** Defaults to the service's Firestore; tests pass their own project. */
  readonly firestore?: () => Promise<Firestore>;
}

export interface Consumer {
  readonly name: string;
  readonly subscription: SubscriptionDeclaration;
  /** Serves the subscription's push endpoint (mount it at `subscription.pushPath`, behind verifyPushToken). */
  readonly handler: Handler<AppEnv>;
}

const consumersCollection = '_consumers';
// A rejected message is kept for an operator to read; the cap keeps it under Firestore's 1 MiB document limit.
const rejectedDataLimit = 64 * 1024;

/**
 * A Pub/Sub push consumer. It applies the effect and records the event id in one transaction, so a
 * redelivered event is acknowledged without a second effect. Replies: 204 acks (done, duplicate,
 * or rejected as invalid, since retrying cannot fix an invalid event); a 500 from a failing
 * handler makes Pub/Sub retry with backoff and dead-letter after maxDeliveryAttempts.
 */
export function defineConsumer<T>(definition: ConsumerDefinition<T>): Consumer {
  const subscription = declaredSubscription(definition);
  const db = definition.firestore ?? firestore;
  const handler: Handler<AppEnv> = async (c) => {
    const push = pushRequestSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!push.success) throw new ProblemError(400, 'validation_failed', 'Not a Pub/Sub push request');
    const { messageId } = push.data.message;
    const decoded = decodePushedEvent(definition.event, push.data);
    const consumerDoc = (await db()).collection(consumersCollection).doc(definition.name);
    if (!decoded.ok) {
      c.var.logger.warn({ consumer: definition.name, messageId, reason: decoded.reason }, 'invalid event rejected and acked');
      await consumerDoc.collection('rejected').doc(messageId).set(rejection(push.data, decoded.reason, decoded.issues));
      return c.body(null, 204);
    }
    const { event } = decoded;
    const logger = c.var.logger.child({ eventId: event.id, eventType: event.type, consumer: definition.name });
    try {
      const applied = await (await db()).runTransaction(async (tx) => {
        const processed = consumerDoc.collection('processed').doc(event.id);
        if ((await tx.get(processed)).exists) return false;
        await definition.handle({ tx, event, logger });
        tx.create(processed, { type: event.type, messageId, processedAt: new Date() });
        return true;
      });
      logger.info({ deliveryAttempt: push.data.deliveryAttempt }, applied ? 'event handled' : 'duplicate event acked');
      return c.body(null, 204);
    } catch (err) {
      logger.error({ err, deliveryAttempt: push.data.deliveryAttempt }, 'event handler failed; Pub/Sub will retry');
      throw new ProblemError(500, 'internal', 'The consumer failed; the event will be retried');
    }
  };
  return { name: definition.name, subscription, handler };
}

function declaredSubscription<T>(definition: ConsumerDefinition<T>): SubscriptionDeclaration {
  const subscription = subscriptions.find(({ name }) => name === definition.name);
  if (!subscription || subscription.event.type !== definition.event.type) {
    throw new Error(
      `Consumer ${definition.name} needs a subscription to ${definition.event.type} declared in libs/contracts/src/subscriptions.ts`,
    );
  }
  return subscription;
}

function rejection(push: PushRequest, reason: string, issues: unknown): Record<string, unknown> {
  return {
    reason,
    // Issues may hold undefined values, which Firestore refuses; a JSON round trip drops them.
    issues: JSON.parse(JSON.stringify(issues ?? [])) as unknown,
    messageId: push.message.messageId,
    subscription: push.subscription,
    attributes: push.message.attributes ?? {},
    data: push.message.data.slice(0, rejectedDataLimit),
    rejectedAt: new Date(),
  };
}
