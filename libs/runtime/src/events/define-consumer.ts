import { subscriptions, type CloudEvent, type EventDefinition, type SubscriptionDeclaration } from '@plaza/contracts';
import type { PubSub } from '@google-cloud/pubsub';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Handler } from 'hono';
import { firestore, pubsub } from '../firebase/index.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventPublisher } from './event-publisher.ts';
import { resolveOutboxDependencies } from './outbox-dependencies.ts';
import { outboxRecorder, type OutboxRecorder } from './outbox-recorder.ts';
import { publishOutboxEntries, type PendingEvent } from './publish-outbox-entries.ts';
import { PermanentFailure } from './permanent-failure.ts';
import { processedRecordExpiry } from './processed-record-expiry.ts';
import { RetryLater } from './retry-later.ts';
import { decodePushedEvent, pushRequestSchema, type PushRequest } from './push-request.ts';

export interface ConsumerContext<T> {
  /** The transaction that also records the event as processed: write the effect through it. */
  readonly tx: Transaction;
  readonly event: CloudEvent<T>;
  /** The request's logger, with the event id. */
  readonly logger: Logger;
  /**
   * Records a follow-up event in the outbox, in the same transaction as the effect and the
   * processed marker (reads first); published after the commit, as runUseCase does.
   */
  readonly emit: OutboxRecorder['emit'];
}

export interface ConsumerDefinition<T> {
  /** The subscription's name in libs/contracts/src/subscriptions.ts. */
  readonly name: string;
  readonly event: EventDefinition<T>;
  handle(context: ConsumerContext<T>): Promise<void>;
  /** Defaults to the service's Firestore; tests pass their own project. */
  readonly firestore?: () => Promise<Firestore>;
  /** Where a PermanentFailure is dead-lettered; defaults to the service's Pub/Sub client. */
  readonly pubsub?: () => Promise<PubSub>;
  /** Publishes what `emit` recorded; defaults to the outbox's publisher (the sweeper covers a failure). */
  readonly publisher?: EventPublisher;
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
 * handler makes Pub/Sub retry with backoff and dead-letter after maxDeliveryAttempts. A handler
 * that throws PermanentFailure is dead-lettered at once, recorded as done, and acked.
 */
export function defineConsumer<T>(definition: ConsumerDefinition<T>): Consumer {
  const subscription = declaredSubscription(definition);
  const db = definition.firestore ?? firestore;
  const deadLetters = definition.pubsub ?? pubsub;
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
      const store = await db();
      let emitted: readonly PendingEvent[] = [];
      const applied = await store.runTransaction(async (tx) => {
        const processed = consumerDoc.collection('processed').doc(event.id);
        // A fresh recorder per attempt: only the committed attempt's events are published.
        const outbox = outboxRecorder(store, tx);
        emitted = outbox.pending;
        if ((await tx.get(processed)).exists) return false;
        await definition.handle({ tx, event, logger, emit: outbox.emit });
        const processedAt = new Date();
        tx.create(processed, { type: event.type, messageId, processedAt, expireAt: processedRecordExpiry(processedAt) });
        return true;
      });
      if (applied && emitted.length > 0) {
        const publisher = definition.publisher ?? resolveOutboxDependencies({}).publisher;
        await publishOutboxEntries(store, publisher, emitted, logger);
      }
      logger.info({ deliveryAttempt: push.data.deliveryAttempt }, applied ? 'event handled' : 'duplicate event acked');
      return c.body(null, 204);
    } catch (err) {
      if (err instanceof PermanentFailure) {
        // Published before the event is recorded as done: if either step fails, the 500 below
        // gets it retried, and the worst case is a second copy in the dead-letter topic.
        await deadLetter(await deadLetters(), subscription, push.data, err);
        const processedAt = new Date();
        await consumerDoc.collection('processed').doc(event.id).set({
          type: event.type,
          messageId,
          processedAt,
          expireAt: processedRecordExpiry(processedAt),
          outcome: 'dead-lettered',
          reason: err.message,
        });
        logger.error({ err, deliveryAttempt: push.data.deliveryAttempt, deadLetterTopic: subscription.deadLetterTopic }, 'event failed permanently; dead-lettered and acked');
        return c.body(null, 204);
      }
      if (err instanceof RetryLater) {
        logger.info({ reason: err.message, retryAfterMs: err.retryAfterMs, deliveryAttempt: push.data.deliveryAttempt }, 'event deferred; Pub/Sub will redeliver it');
        const headers = err.retryAfterMs === undefined ? undefined : { 'Retry-After': String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))) };
        throw new ProblemError(429, 'rate_limited', 'The event is deferred; Pub/Sub redelivers it', headers ? { headers } : {});
      }
            logger.error({ err, deliveryAttempt: push.data.deliveryAttempt }, 'event handler failed; Pub/Sub will retry');
      throw new ProblemError(500, 'internal', 'The consumer failed; the event will be retried');
    }
  };
  return { name: definition.name, subscription, handler };
}

/** The pushed message as it came, with the attributes Pub/Sub's own dead-lettering adds, and why. */
async function deadLetter(client: PubSub, subscription: SubscriptionDeclaration, push: PushRequest, failure: PermanentFailure): Promise<void> {
  await client.topic(subscription.deadLetterTopic).publishMessage({
    data: Buffer.from(push.message.data, 'base64'),
    attributes: {
      ...push.message.attributes,
      CloudPubSubDeadLetterSourceSubscription: subscription.name,
      CloudPubSubDeadLetterSourceDeliveryCount: String(push.deliveryAttempt ?? 1),
      'plaza-dead-letter-reason': failure.message.slice(0, 1024),
    },
  });
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
