import { DEFAULT_RETRY_BACKOFF, type BackoffRange } from './backoff.ts';
import { invalidArgument, unimplemented } from './errors.ts';
import { applyFieldMask } from './field-mask.ts';
import { parseFilter, type FilterExpression } from './filter.ts';
import { parseTopicName } from './names.ts';
import { durationToMs, msToDuration, type FieldMask, type PushConfig, type Subscription } from './wire.ts';

/**
 * Subscription resources: the real service's validation and defaults for create and update, and
 * the settings the engine runs a subscription with. No I/O; whether topics exist is asked through
 * `topicExists`.
 */
export interface SubscriptionSettings {
  readonly ackDeadlineMs: number;
  readonly ordered: boolean;
  readonly filter: FilterExpression | undefined;
  readonly retry: BackoffRange | undefined;
  readonly deadLetter: { readonly topic: string; readonly maxDeliveryAttempts: number } | undefined;
  readonly push: PushSettings | undefined;
  readonly exactlyOnce: boolean;
}

export interface PushSettings {
  readonly endpoint: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly oidc: { readonly serviceAccountEmail: string; readonly audience: string } | undefined;
  /** Set for push_config.no_wrapper: the body is the raw data, metadata goes in headers if asked. */
  readonly unwrapped: { readonly writeMetadata: boolean } | undefined;
}

const DEFAULT_ACK_DEADLINE_SECONDS = 10;
const MAX_ACK_DEADLINE_SECONDS = 600;
const DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
const MAX_DELIVERY_ATTEMPTS_RANGE = { min: 5, max: 100 } as const;
const MAX_BACKOFF_MS = 600_000;
const SEVEN_DAYS = { seconds: String(7 * 24 * 3600), nanos: 0 };
const THIRTY_ONE_DAYS = { seconds: String(31 * 24 * 3600), nanos: 0 };

/** Fields UpdateSubscription may change; filter and ordering are fixed at creation in the real service too. */
const UPDATABLE_FIELDS: Readonly<Record<string, keyof Subscription>> = {
  ack_deadline_seconds: 'ackDeadlineSeconds',
  push_config: 'pushConfig',
  retain_acked_messages: 'retainAckedMessages',
  message_retention_duration: 'messageRetentionDuration',
  labels: 'labels',
  expiration_policy: 'expirationPolicy',
  dead_letter_policy: 'deadLetterPolicy',
  retry_policy: 'retryPolicy',
  enable_exactly_once_delivery: 'enableExactlyOnceDelivery',
};

/** Ack deadlines the real service accepts on ModifyAckDeadline (0 is a nack). */
export function checkAckDeadlineSeconds(seconds: number, field: string): number {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_ACK_DEADLINE_SECONDS) {
    throw invalidArgument(`Invalid ${field} (${seconds}): it must be between 0 and ${MAX_ACK_DEADLINE_SECONDS} seconds.`);
  }
  return seconds;
}

/** Ack ids of Acknowledge and ModifyAckDeadline (required there) or of a StreamingPull request. */
export function checkAckIds(ackIds: readonly string[] | undefined, required: boolean): readonly string[] {
  if (required && (!ackIds || ackIds.length === 0)) throw invalidArgument('ack_ids must not be empty.');
  if (ackIds?.some((ackId) => ackId === '')) throw invalidArgument('An ack id must not be empty.');
  return ackIds ?? [];
}

/** Ack deadlines for a subscription or a StreamingPull stream: 10 to 600 seconds. */
export function checkLeaseSeconds(seconds: number, field: string): number {
  if (!Number.isInteger(seconds) || seconds < DEFAULT_ACK_DEADLINE_SECONDS || seconds > MAX_ACK_DEADLINE_SECONDS) {
    throw invalidArgument(
      `Invalid ${field} (${seconds}): it must be between ${DEFAULT_ACK_DEADLINE_SECONDS} and ${MAX_ACK_DEADLINE_SECONDS} seconds.`,
    );
  }
  return seconds;
}

function normalizePushConfig(config: PushConfig | undefined): PushConfig | undefined {
  // An empty push endpoint is how the API says "pull".
  if (!config?.pushEndpoint) return undefined;
  let url: URL;
  try {
    url = new URL(config.pushEndpoint);
  } catch {
    throw invalidArgument(`Invalid push endpoint given (endpoint=${config.pushEndpoint}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidArgument(`Invalid push endpoint given (endpoint=${config.pushEndpoint}): it must be an http(s) URL.`);
  }
  if (config.oidcToken && !config.oidcToken.serviceAccountEmail) {
    throw invalidArgument('push_config.oidc_token.service_account_email is required.');
  }
  return config;
}

/** The stored resource for a CreateSubscription request, with the real service's defaults filled in. */
export function newSubscription(subscription: Subscription, topicExists: (name: string) => boolean): Subscription {
  if (subscription.bigqueryConfig || subscription.cloudStorageConfig || subscription.bigtableConfig) {
    throw unimplemented('BigQuery, Cloud Storage and Bigtable subscriptions are not supported by this emulator.');
  }
  const ackDeadlineSeconds = subscription.ackDeadlineSeconds
    ? checkLeaseSeconds(subscription.ackDeadlineSeconds, 'ack_deadline_seconds')
    : DEFAULT_ACK_DEADLINE_SECONDS;
  const result: Subscription = {
    ...subscription,
    ackDeadlineSeconds,
    messageRetentionDuration: subscription.messageRetentionDuration ?? SEVEN_DAYS,
    expirationPolicy: subscription.expirationPolicy ?? { ttl: THIRTY_ONE_DAYS },
    state: 'ACTIVE',
  };
  const pushConfig = normalizePushConfig(subscription.pushConfig);
  if (pushConfig) result.pushConfig = pushConfig;
  else delete result.pushConfig;

  const deadLetter = subscription.deadLetterPolicy;
  if (deadLetter?.deadLetterTopic) {
    parseTopicName(deadLetter.deadLetterTopic);
    if (!topicExists(deadLetter.deadLetterTopic)) {
      throw invalidArgument(`The dead letter topic does not exist (topic=${deadLetter.deadLetterTopic}).`);
    }
    const attempts = deadLetter.maxDeliveryAttempts || DEFAULT_MAX_DELIVERY_ATTEMPTS;
    if (attempts < MAX_DELIVERY_ATTEMPTS_RANGE.min || attempts > MAX_DELIVERY_ATTEMPTS_RANGE.max) {
      throw invalidArgument(
        `Invalid max_delivery_attempts (${attempts}): it must be between ${MAX_DELIVERY_ATTEMPTS_RANGE.min} and ${MAX_DELIVERY_ATTEMPTS_RANGE.max}.`,
      );
    }
    result.deadLetterPolicy = { deadLetterTopic: deadLetter.deadLetterTopic, maxDeliveryAttempts: attempts };
  } else {
    delete result.deadLetterPolicy;
  }

  if (subscription.retryPolicy) {
    const minimumMs = subscription.retryPolicy.minimumBackoff
      ? durationToMs(subscription.retryPolicy.minimumBackoff)
      : DEFAULT_RETRY_BACKOFF.minimumMs;
    const maximumMs = subscription.retryPolicy.maximumBackoff
      ? durationToMs(subscription.retryPolicy.maximumBackoff)
      : DEFAULT_RETRY_BACKOFF.maximumMs;
    if (minimumMs < 0 || maximumMs < 0 || minimumMs > MAX_BACKOFF_MS || maximumMs > MAX_BACKOFF_MS || minimumMs > maximumMs) {
      throw invalidArgument(
        'Invalid retry_policy: minimum_backoff and maximum_backoff must be between 0 and 600 seconds, minimum not above maximum.',
      );
    }
    result.retryPolicy = { minimumBackoff: msToDuration(minimumMs), maximumBackoff: msToDuration(maximumMs) };
  }

  parseFilter(subscription.filter ?? '');
  return result;
}

export function updatedSubscription(
  current: Subscription,
  patch: Subscription,
  mask: FieldMask | undefined,
  topicExists: (name: string) => boolean,
): Subscription {
  return newSubscription(applyFieldMask(current, patch, mask, UPDATABLE_FIELDS, 'UpdateSubscriptionRequest'), topicExists);
}

export function subscriptionSettings(subscription: Subscription): SubscriptionSettings {
  const push = subscription.pushConfig;
  const retry = subscription.retryPolicy;
  const deadLetter = subscription.deadLetterPolicy;
  return {
    ackDeadlineMs: (subscription.ackDeadlineSeconds ?? DEFAULT_ACK_DEADLINE_SECONDS) * 1000,
    ordered: subscription.enableMessageOrdering === true,
    filter: parseFilter(subscription.filter ?? ''),
    retry:
      retry?.minimumBackoff && retry.maximumBackoff
        ? { minimumMs: durationToMs(retry.minimumBackoff), maximumMs: durationToMs(retry.maximumBackoff) }
        : undefined,
    deadLetter:
      deadLetter?.deadLetterTopic && deadLetter.maxDeliveryAttempts
        ? { topic: deadLetter.deadLetterTopic, maxDeliveryAttempts: deadLetter.maxDeliveryAttempts }
        : undefined,
    push: push?.pushEndpoint
      ? {
          endpoint: push.pushEndpoint,
          attributes: push.attributes ?? {},
          oidc: push.oidcToken?.serviceAccountEmail
            ? { serviceAccountEmail: push.oidcToken.serviceAccountEmail, audience: push.oidcToken.audience ?? '' }
            : undefined,
          unwrapped: push.noWrapper ? { writeMetadata: push.noWrapper.writeMetadata === true } : undefined,
        }
      : undefined,
    exactlyOnce: subscription.enableExactlyOnceDelivery === true,
  };
}
