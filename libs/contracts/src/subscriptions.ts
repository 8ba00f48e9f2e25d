import { eventCatalog } from './events/catalog.ts';
import type { EventDefinition } from './events/define-event.ts';
import { emailChanged, emailChangeRequested, emailVerificationRequested, passwordResetRequested } from './events/identity.ts';
import { userDeleted, userRegistered } from './events/identity.ts';
import { notificationCreated } from './events/notifications.ts';
import { telegramWeatherRequested } from './events/telegram.ts';

/**
 * A push subscription, declared once here and read by the local runner (through the runtime's
 * ensureTopology) and by Pulumi, so local and production wiring cannot drift apart.
 */
export interface SubscriptionDeclaration<T = unknown> {
  /** The subscription id and the consumer's name (`<module>.<what it does>`). */
  readonly name: string;
  readonly event: EventDefinition<T>;
  /** The module that owns the consumer. */
  readonly module: string;
  /** Where the service serves the push endpoint. */
  readonly pushPath: string;
  /**
   * Also how long Pub/Sub waits for a push to answer. 600 s, the maximum, so a slow effect is not
   * redelivered while it still runs; the local runner may pass a shorter one to ensureTopology.
   */
  readonly ackDeadlineSeconds: number;
  /** Failed deliveries before the message goes to the dead-letter topic (Pub/Sub allows 5–100). */
  readonly maxDeliveryAttempts: number;
  readonly minBackoffSeconds: number;
  readonly maxBackoffSeconds: number;
  /** One dead-letter topic per subscription, so a dead letter says which consumer gave up on it. */
  readonly deadLetterTopic: string;
}

type SubscriptionInput<T> = Pick<SubscriptionDeclaration<T>, 'name' | 'event'> &
  Partial<Omit<SubscriptionDeclaration<T>, 'name' | 'event' | 'module' | 'pushPath' | 'deadLetterTopic'>>;

const subscriptionNamePattern = /^([a-z]+)\.([a-z][a-z0-9-]*[a-z0-9])$/;

/** Derives the paths and names from `<module>.<consumer>` and applies the production defaults. */
export function declareSubscription<T>(input: SubscriptionInput<T>): SubscriptionDeclaration<T> {
  const match = subscriptionNamePattern.exec(input.name);
  if (!match) {
    throw new Error(`Subscription name "${input.name}" must be <module>.<consumer-name> in lower case`);
  }
  const [, module, consumer] = match as unknown as [string, string, string];
  return {
    ackDeadlineSeconds: 600,
    maxDeliveryAttempts: 5,
    minBackoffSeconds: 10,
    maxBackoffSeconds: 600,
    ...input,
    module,
    pushPath: `/_push/${module}/${consumer}`,
    deadLetterTopic: `${input.name}.dead-letter`,
  };
}

export const subscriptions: readonly SubscriptionDeclaration[] = [
  declareSubscription({ name: 'notifications.on-user-registered', event: userRegistered }),
  declareSubscription({ name: 'mailer.welcome', event: userRegistered }),
  declareSubscription({ name: 'mailer.verify-email', event: emailVerificationRequested }),
  declareSubscription({ name: 'mailer.reset-password', event: passwordResetRequested }),
  declareSubscription({ name: 'mailer.confirm-email-change', event: emailChangeRequested }),
  declareSubscription({ name: 'mailer.email-changed-notice', event: emailChanged }),
  declareSubscription({ name: 'identity.on-user-deleted', event: userDeleted }),
  declareSubscription({ name: 'notifications.on-user-deleted', event: userDeleted }),
  declareSubscription({ name: 'telegram.on-user-deleted', event: userDeleted }),
  // Telegram as a notification channel: a burst for one chat drains at ~1/s, a message waiting its
  // turn through Pub/Sub's retries, so retries come soon and many are allowed before dead-lettering.
  declareSubscription({ name: 'telegram.notify', event: notificationCreated, maxDeliveryAttempts: 100, minBackoffSeconds: 1, maxBackoffSeconds: 60 }),
  // The bot's /weather answers (functions/telegram): the webhook publishes, this consumer replies in the chat.
  declareSubscription({ name: 'telegram.weather-reply', event: telegramWeatherRequested }),
];

/** Every topic the platform needs: one per catalogued event type, one dead-letter topic per subscription. */
export function topicNames(declared: readonly SubscriptionDeclaration[] = subscriptions): string[] {
  return [...eventCatalog.map((event) => event.topic), ...declared.map((subscription) => subscription.deadLetterTopic)];
}
