/**
 * The "before" of the Auth emulator's start: firebase-tools' own AuthEmulator, in-process beside
 * the two engines, all started at once. Prints one JSON line of the times (ms on the process
 * clock, from node's start) at which each was ready.
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { startFirestoreEmulator } from '../../src/firestore/index.ts';
import { startPubSubEmulator } from '../../src/pubsub/index.ts';

interface AuthEmulator {
  start(): Promise<void>;
  stop(): Promise<void>;
}
type AuthEmulatorClass = new (args: { host: string; port: number; projectId: string }) => AuthEmulator;

async function timed<T>(starting: Promise<T>): Promise<{ service: T; readyMs: number }> {
  const service = await starting;
  return { service, readyMs: performance.now() };
}

async function startAuthInProcess(): Promise<AuthEmulator> {
  const { AuthEmulator } = createRequire(import.meta.url)('firebase-tools/lib/emulator/auth/index.js') as {
    AuthEmulator: AuthEmulatorClass;
  };
  const port = await freePort();
  const auth = new AuthEmulator({ host: '127.0.0.1', port, projectId: 'demo-plaza' });
  await auth.start();
  // start() resolves once listen() is called, not once it serves: ready is when it answers.
  await answers(`http://127.0.0.1:${port}/`);
  return auth;
}

// AuthEmulator takes port 0 to mean its default port, so it gets one known to be free.
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${url} never answered`);
}

const [firestore, pubsub, auth] = await Promise.all([
  timed(startFirestoreEmulator()),
  timed(startPubSubEmulator()),
  timed(startAuthInProcess()),
]);
await Promise.all([firestore.service.stop(), pubsub.service.stop(), auth.service.stop()]);
console.log(JSON.stringify({ firestore: firestore.readyMs, pubsub: pubsub.readyMs, auth: auth.readyMs }));
process.exit(0);
