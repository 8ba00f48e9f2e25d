import { createServer } from 'node:net';
import { Firestore } from '@google-cloud/firestore';
import { PubSub } from '@google-cloud/pubsub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type EmulatorSuite } from './launcher.ts';
import { emulatorNames } from './registry.ts';

const projectId = 'demo-launcher';
// Every service on a free port, stand-ins included, so this never collides with a running `npm start`.
const anyPort = Object.fromEntries(emulatorNames.map((name) => [name, 0]));

describe('startEmulators', () => {
  let suite: EmulatorSuite;
  let firestore: Firestore;
  let pubsub: PubSub;
  beforeAll(async () => {
    suite = await startEmulators({ ports: anyPort, projectId });
    firestore = new Firestore({ projectId, host: suite.services.firestore.host, ssl: false });
    pubsub = new PubSub({ projectId, apiEndpoint: suite.services.pubsub.host, emulatorMode: true });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([firestore?.terminate(), pubsub?.close()]);
    await suite?.stop();
  });

  const signUp = (email: string) =>
    fetch(`http://${suite.services.auth.host}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=any`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'secret-password' }),
    });

  it('exports every service address and the project in one environment', () => {
    expect(suite.env).toMatchObject({
      GCLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: `127.0.0.1:${suite.ports.firestore}`,
      PUBSUB_EMULATOR_HOST: `127.0.0.1:${suite.ports.pubsub}`,
      FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${suite.ports.auth}`,
    });
    expect(Object.keys(suite.readyMs).sort()).toEqual([...emulatorNames].sort());
  });

  it('serves Firestore, Pub/Sub and Auth to their official clients', async () => {
    await firestore.doc('rooms/lobby').set({ topic: 'welcome' });
    expect((await firestore.doc('rooms/lobby').get()).data()).toEqual({ topic: 'welcome' });
    const [topic] = await pubsub.createTopic('launcher-serves');
    expect(topic.name).toBe(`projects/${projectId}/topics/launcher-serves`);
    expect((await signUp('serves@example.com')).status).toBe(200);
  });

  it('resets every service at once', async () => {
    await firestore.doc('rooms/reset').set({ topic: 'gone soon' });
    await pubsub.createTopic('launcher-reset');
    expect((await signUp('reset@example.com')).status).toBe(200);

    await suite.reset();

    expect((await firestore.doc('rooms/reset').get()).exists).toBe(false);
    const [topics] = await pubsub.getTopics();
    expect(topics).toEqual([]);
    expect((await signUp('reset@example.com')).status).toBe(200);
  });

  it('releases every port on stop', async () => {
    await Promise.all([firestore.terminate(), pubsub.close()]);
    await suite.stop();
    await Promise.all(Object.values(suite.ports).map((port) => expect(canListenOn(port)).resolves.toBe(true)));
  });
});

describe('startEmulators when a service cannot start', () => {
  it('stops the services that did start and names the one that failed, with its port', async () => {
    const taken = await holdPort();
    const firestorePort = await freePort();
    try {
      await expect(
        startEmulators({ only: ['firestore', 'auth'], ports: { firestore: firestorePort, auth: taken.port } }),
      ).rejects.toThrow(`auth: port ${taken.port} on 127.0.0.1 is already in use`);
      expect(await canListenOn(firestorePort)).toBe(true);
    } finally {
      taken.close();
    }
  }, 60_000);
});

function holdPort(): Promise<{ port: number; close(): void }> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ port, close: () => server.close() });
    });
  });
}

async function freePort(): Promise<number> {
  const held = await holdPort();
  held.close();
  return held.port;
}

function canListenOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
