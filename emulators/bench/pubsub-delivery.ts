import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PubSub, type Topic } from '@google-cloud/pubsub';
import { Deliveries } from './deliveries.ts';
import { percentile, runBounded } from './stats.ts';

export type DeliveryMode = 'pull' | 'push';

export interface DeliveryMeasurement {
  p50Ms: number;
  p99Ms: number;
  messagesPerSecond: number;
}

const latencySamples = 200;
const throughputMessages = 1_000;
const publishConcurrency = 64;
const deliveryTimeoutMs = 30_000;
const payload = Buffer.from(JSON.stringify({ type: 'plaza.social.post.created.v1', text: 'x'.repeat(200) }));

/**
 * Latency: one message at a time, from publish() to delivery (so no queueing in the number).
 * Throughput: 1,000 messages published with at most 64 in flight, until the last is delivered.
 * Pull goes through the client's streaming-pull subscriber; push to an HTTP endpoint on 127.0.0.1.
 */
export async function measureDelivery(host: string, mode: DeliveryMode, run: number): Promise<DeliveryMeasurement> {
  const pubsub = new PubSub({ projectId: 'demo-bench', apiEndpoint: host, emulatorMode: true });
  const deliveries = new Deliveries();
  const name = `bench-${mode}-${run}-${Date.now().toString(36)}`;
  const [topic] = await pubsub.createTopic(name);
  const receiver = await receive(mode, deliveries);
  const [subscription] = await topic.createSubscription(name, receiver.subscriptionOptions);
  if (mode === 'pull') {
    subscription.on('message', (message) => {
      deliveries.record(Number(message.attributes.sequence));
      message.ack();
    });
  }
  try {
    // Unbatched, so the client does not hold a lone message back waiting for company.
    const unbatched = pubsub.topic(name, { batching: { maxMessages: 1 } });
    const latencies: number[] = [];
    for (let sequence = 0; sequence < latencySamples; sequence++) {
      const sentAt = performance.now();
      await publish(unbatched, sequence);
      await deliveries.arrival(sequence, deliveryTimeoutMs);
      latencies.push(performance.now() - sentAt);
    }

    const started = performance.now();
    await runBounded(throughputMessages, publishConcurrency, (i) => publish(topic, latencySamples + i));
    await deliveries.total(latencySamples + throughputMessages, deliveryTimeoutMs);
    const messagesPerSecond = throughputMessages / ((performance.now() - started) / 1000);

    return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), messagesPerSecond };
  } finally {
    await subscription.close();
    await receiver.close();
    await pubsub.close();
  }
}

function publish(topic: Topic, sequence: number): Promise<string> {
  return topic.publishMessage({ data: payload, attributes: { sequence: String(sequence) } });
}

interface Receiver {
  subscriptionOptions: { pushConfig?: { pushEndpoint: string } };
  close(): Promise<void>;
}

async function receive(mode: DeliveryMode, deliveries: Deliveries): Promise<Receiver> {
  if (mode === 'pull') return { subscriptionOptions: {}, close: async () => undefined };
  const server = await listenForPushes(deliveries);
  const { port } = server.address() as AddressInfo;
  return {
    subscriptionOptions: { pushConfig: { pushEndpoint: `http://127.0.0.1:${port}/push` } },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listenForPushes(deliveries: Deliveries): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      const { message } = JSON.parse(body) as { message: { attributes: { sequence: string } } };
      deliveries.record(Number(message.attributes.sequence));
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
