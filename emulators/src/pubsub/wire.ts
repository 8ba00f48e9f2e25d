/**
 * Pub/Sub v1 wire types as @grpc/proto-loader decodes them with PROTO_LOADER_OPTIONS
 * (../proto-loader-options.ts): only the fields that were set, so presence can be told from
 * emptiness (an absent pushConfig is a pull subscription). Only the fields the engine reads or
 * writes are declared.
 */
export interface Duration {
  seconds?: string | number;
  nanos?: number;
}

export interface Timestamp {
  seconds?: string | number;
  nanos?: number;
}

export interface FieldMask {
  paths?: string[];
}

export interface Topic {
  name?: string;
  labels?: Record<string, string>;
  messageStoragePolicy?: object;
  kmsKeyName?: string;
  schemaSettings?: object;
  messageRetentionDuration?: Duration;
  ingestionDataSourceSettings?: object;
  state?: string;
}

export interface PubsubMessage {
  data?: Buffer;
  attributes?: Record<string, string>;
  messageId?: string;
  publishTime?: Timestamp;
  orderingKey?: string;
}

export interface OidcToken {
  serviceAccountEmail?: string;
  audience?: string;
}

export interface PushConfig {
  pushEndpoint?: string;
  attributes?: Record<string, string>;
  oidcToken?: OidcToken;
  pubsubWrapper?: object;
  noWrapper?: { writeMetadata?: boolean };
}

export interface RetryPolicy {
  minimumBackoff?: Duration;
  maximumBackoff?: Duration;
}

export interface DeadLetterPolicy {
  deadLetterTopic?: string;
  maxDeliveryAttempts?: number;
}

export interface ExpirationPolicy {
  ttl?: Duration;
}

export interface Subscription {
  name?: string;
  topic?: string;
  pushConfig?: PushConfig;
  bigqueryConfig?: object;
  cloudStorageConfig?: object;
  bigtableConfig?: object;
  ackDeadlineSeconds?: number;
  retainAckedMessages?: boolean;
  messageRetentionDuration?: Duration;
  labels?: Record<string, string>;
  enableMessageOrdering?: boolean;
  expirationPolicy?: ExpirationPolicy;
  filter?: string;
  deadLetterPolicy?: DeadLetterPolicy;
  retryPolicy?: RetryPolicy;
  detached?: boolean;
  enableExactlyOnceDelivery?: boolean;
  topicMessageRetentionDuration?: Duration;
  state?: string;
}

export interface ReceivedMessage {
  ackId: string;
  message: PubsubMessage;
  deliveryAttempt?: number;
}

export interface StreamingPullRequest {
  subscription?: string;
  ackIds?: string[];
  modifyDeadlineSeconds?: number[];
  modifyDeadlineAckIds?: string[];
  streamAckDeadlineSeconds?: number;
  clientId?: string;
  maxOutstandingMessages?: string | number;
  maxOutstandingBytes?: string | number;
}

export interface StreamingPullResponse {
  receivedMessages: ReceivedMessage[];
  subscriptionProperties: { exactlyOnceDeliveryEnabled: boolean; messageOrderingEnabled: boolean };
}

/** Durations and timestamps share a shape; both become milliseconds inside the engine. */
export function durationToMs(value: Duration | Timestamp): number {
  return Number(value.seconds ?? 0) * 1000 + Math.floor((value.nanos ?? 0) / 1e6);
}

export function msToDuration(ms: number): Duration {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
}

export const msToTimestamp: (ms: number) => Timestamp = msToDuration;
