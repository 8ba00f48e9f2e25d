import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { PubSub } from '@google-cloud/pubsub';
import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { startPubSubEmulator, type PubSubEmulator } from './index.ts';

// The client otherwise probes the GCE metadata server, which only warns offline.
process.env.METADATA_SERVER_DETECTION ??= 'none';

const running: Array<{ stop(): Promise<unknown> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function start(): Promise<{ emulator: PubSubEmulator; pubsub: PubSub }> {
  const emulator = await startPubSubEmulator();
  const pubsub = new PubSub({ projectId: 'unit', apiEndpoint: emulator.host, emulatorMode: true });
  running.push(emulator, { stop: () => pubsub.close() });
  return { emulator, pubsub };
}

async function failingEndpoint(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_, response) => {
    hits += 1;
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`, hits: () => hits };
}

describe('startPubSubEmulator', () => {
  it('starts fast on a free loopback port and describes itself', async () => {
    const startedAt = performance.now();
    const { emulator } = await start();
    expect(performance.now() - startedAt).toBeLessThan(1000);
    expect(emulator.host).toBe(`127.0.0.1:${emulator.port}`);
    expect(emulator.env).toEqual({ PUBSUB_EMULATOR_HOST: emulator.host });
    expect(emulator.oidc).toEqual({
      issuer: `http://${emulator.host}`,
      jwksUri: `http://${emulator.host}/oauth2/v3/certs`,
    });
    const probe = await fetch(`http://${emulator.host}/`);
    expect(await probe.text()).toBe('Ok');
    expect((await fetch(`http://${emulator.host}/nothing-here`)).status).toBe(404);
  });

  it('reset drops topics, subscriptions and messages and stops pushing', async () => {
    const { emulator, pubsub } = await start();
    const endpoint = await failingEndpoint();
    const [topic] = await pubsub.createTopic('reset-topic');
    const [pull] = await topic.createSubscription('reset-pull');
    await topic.createSubscription('reset-push', {
      pushConfig: { pushEndpoint: endpoint.url },
      retryPolicy: { minimumBackoff: { nanos: 20_000_000 }, maximumBackoff: { nanos: 20_000_000 } },
    });
    const streamEnded = new Promise((resolve) => pull.once('error', resolve));
    pull.on('message', () => undefined);
    await topic.publishMessage({ data: Buffer.from('x') });
    await expect.poll(endpoint.hits).toBeGreaterThanOrEqual(2);

    await emulator.reset();
    expect(await streamEnded).toMatchObject({ code: status.NOT_FOUND });
    const hitsAtReset = endpoint.hits();
    expect((await pubsub.getTopics())[0]).toEqual([]);
    expect((await pubsub.getSubscriptions())[0]).toEqual([]);
    // Absence of pushes needs some time to show: ten retry periods of the old subscription.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(endpoint.hits()).toBeLessThanOrEqual(hitsAtReset + 1);

    const [again] = await pubsub.createTopic('reset-topic');
    const [fresh] = await again.createSubscription('reset-pull');
    expect((await fresh.getMetadata())[0].topic).toBe(again.name);
    await pull.close();
  });

  it('stop releases the port and may be called twice', async () => {
    const emulator = await startPubSubEmulator();
    await emulator.stop();
    await emulator.stop();
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(emulator.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('fails to start on a port already taken', async () => {
    const { emulator } = await start();
    await expect(startPubSubEmulator({ port: emulator.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
