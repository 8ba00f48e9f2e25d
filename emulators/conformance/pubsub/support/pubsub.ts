import { PubSub, v1, type CreateSubscriptionOptions, type Subscription, type Topic } from '@google-cloud/pubsub';
import { afterAll } from 'vitest';
import { emulatorHost } from '../../support/emulator-host.ts';

/**
 * The official client pointed at the emulator under test through PUBSUB_EMULATOR_HOST, as
 * application code is. global-setup.ts sets it before test files load (or, with
 * PLAZA_EMULATORS=external, the developer points it at Google's official emulator). Tests share
 * the emulator, so each one creates its own uniquely named topics and subscriptions.
 */
export const PROJECT_ID = 'plaza-conformance';

// Offline, the client's probe of the GCE metadata server (for the universe domain) only fails and
// warns on every client; gcp-metadata's documented switch turns the probe off.
process.env.METADATA_SERVER_DETECTION ??= 'none';

export function pubsubEmulatorHost(): string {
  return emulatorHost('PUBSUB_EMULATOR_HOST');
}

let lastName = 0;
const runId = Date.now().toString(36);

/** A resource id no other test (or earlier run against a long-lived emulator) uses. */
export function uniqueName(label: string): string {
  lastName += 1;
  return `${label}-${runId}-${process.pid}-${lastName}`;
}

export interface PubSubHarness {
  readonly pubsub: PubSub;
  /** The generated gRPC clients, for requests the handwritten client does not expose (Pull, raw streams). */
  publisherClient(): Promise<v1.PublisherClient>;
  subscriberClient(): Promise<v1.SubscriberClient>;
  topicWithSubscription(
    label: string,
    options?: CreateSubscriptionOptions,
  ): Promise<{ topic: Topic; subscription: Subscription }>;
}

/** Call at the top of a test file; clients are closed after the file. */
export function usePubSub(): PubSubHarness {
  pubsubEmulatorHost();
  const pubsub = new PubSub({ projectId: PROJECT_ID });
  const clients: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(client: T): T => {
    clients.push(client);
    return client;
  };
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await pubsub.close();
  });
  // The emulator settings the handwritten client derived from PUBSUB_EMULATOR_HOST; it types the
  // port loosely, the generated clients want a number.
  const generatedClientOptions = async () => {
    const { port, ...options } = await pubsub.getClientConfig();
    return { ...options, port: port === undefined ? undefined : Number(port) };
  };
  return {
    pubsub,
    publisherClient: async () => track(new v1.PublisherClient(await generatedClientOptions())),
    subscriberClient: async () => track(new v1.SubscriberClient(await generatedClientOptions())),
    topicWithSubscription: async (label, options) => {
      const [topic] = await pubsub.createTopic(uniqueName(`${label}-topic`));
      const [subscription] = await topic.createSubscription(uniqueName(`${label}-sub`), options);
      return { topic, subscription };
    },
  };
}
