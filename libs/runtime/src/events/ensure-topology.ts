import { eventCatalog, subscriptions as declaredSubscriptions, type EventDefinition, type SubscriptionDeclaration } from '@plaza/contracts';
import type { CreateSubscriptionOptions, PubSub } from '@google-cloud/pubsub';

export interface TopologyOptions {
  /** Where the service serving the push endpoints listens, e.g. `http://127.0.0.1:8080`. */
  readonly pushBaseUrl: string;
  /** Pushes carry an OIDC token for this signer and audience (the emulator signs them locally). */
  readonly oidc?: { readonly serviceAccountEmail: string; readonly audience: string };
  readonly subscriptions?: readonly SubscriptionDeclaration[];
  /** Topics to create even without a subscriber, so producers can publish every catalogued event. */
  readonly events?: readonly EventDefinition[];
  /** Locally a shorter push timeout than production's 600 s gets a hung consumer retried sooner. */
  readonly ackDeadlineSeconds?: number;
}

const alreadyExists = 6;

/**
 * Creates the topics, dead-letter topics (each with a pull subscription, so dead letters wait
 * there to be inspected) and push subscriptions declared in libs/contracts. Safe to run on every
 * start: what exists is kept, and an existing push subscription is updated to the declared
 * settings, since the local push URL changes between runs. Pulumi declares the same resources.
 */
export async function ensureTopology(pubsub: PubSub, options: TopologyOptions): Promise<void> {
  const subscriptions = options.subscriptions ?? declaredSubscriptions;
  const events = options.events ?? eventCatalog;
  const eventTopics = new Set([...events, ...subscriptions.map(({ event }) => event)].map(({ topic }) => topic));
  await Promise.all([...eventTopics].map((topic) => ensureTopic(pubsub, topic)));
  await Promise.all(
    subscriptions.map(async (declaration) => {
      await ensureTopic(pubsub, declaration.deadLetterTopic);
      await ensureSubscription(pubsub, declaration.deadLetterTopic, declaration.deadLetterTopic, {});
      await ensureSubscription(pubsub, declaration.event.topic, declaration.name, pushSubscriptionSettings(pubsub, declaration, options));
    }),
  );
}

function pushSubscriptionSettings(
  pubsub: PubSub,
  declaration: SubscriptionDeclaration,
  options: TopologyOptions,
): CreateSubscriptionOptions {
  return {
    pushConfig: {
      pushEndpoint: `${options.pushBaseUrl}${declaration.pushPath}`,
      ...(options.oidc ? { oidcToken: options.oidc } : {}),
    },
    ackDeadlineSeconds: options.ackDeadlineSeconds ?? declaration.ackDeadlineSeconds,
    retryPolicy: {
      minimumBackoff: { seconds: declaration.minBackoffSeconds },
      maximumBackoff: { seconds: declaration.maxBackoffSeconds },
    },
    deadLetterPolicy: {
      deadLetterTopic: pubsub.topic(declaration.deadLetterTopic).name,
      maxDeliveryAttempts: declaration.maxDeliveryAttempts,
    },
  };
}

async function ensureTopic(pubsub: PubSub, name: string): Promise<void> {
  await pubsub.createTopic(name).catch(ignoreAlreadyExists);
}

async function ensureSubscription(
  pubsub: PubSub,
  topic: string,
  name: string,
  settings: CreateSubscriptionOptions,
): Promise<void> {
  const created = await pubsub
    .topic(topic)
    .createSubscription(name, settings)
    .then(() => true, ignoreAlreadyExists);
  if (!created && Object.keys(settings).length > 0) await pubsub.subscription(name).setMetadata(settings);
}

function ignoreAlreadyExists(error: unknown): false {
  if ((error as { code?: unknown }).code === alreadyExists) return false;
  throw error;
}
