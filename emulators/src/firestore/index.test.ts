import { credentials, makeGenericClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFirestoreEmulator, type FirestoreEmulator } from './index.ts';
import { loadFirestoreService } from './proto.ts';

// End to end through the official node client: the wiring, not the semantics (conformance/ covers those).
let emulator: FirestoreEmulator;
let db: Firestore;

beforeAll(async () => {
  emulator = await startFirestoreEmulator({ port: 0 });
  db = new Firestore({ projectId: 'smoke', host: '127.0.0.1', port: emulator.port, ssl: false });
});

afterAll(async () => {
  await db?.terminate();
  await emulator?.stop();
});

test('set then get round-trips through the official client', async () => {
  await db.doc('smoke/one').set({ n: 1, nested: { s: 'x' } });
  const snapshot = await db.doc('smoke/one').get();
  expect(snapshot.data()).toEqual({ n: 1, nested: { s: 'x' } });
  expect(emulator.env).toEqual({ FIRESTORE_EMULATOR_HOST: `127.0.0.1:${emulator.port}` });
});

test('50 concurrent runTransaction increments all land', async () => {
  const counter = db.doc('smoke/counter');
  await Promise.all(
    Array.from({ length: 50 }, () =>
      db.runTransaction(async (transaction) => {
        const snapshot = await transaction.get(counter);
        transaction.set(counter, { n: ((snapshot.get('n') as number | undefined) ?? 0) + 1 });
      }),
    ),
  );
  expect((await counter.get()).get('n')).toBe(50);
}, 30_000);

test('a batch with one failing write applies nothing', async () => {
  const batch = db.batch().set(db.doc('smoke/batch-a'), { ok: true }).update(db.doc('smoke/missing'), { x: 1 });
  await expect(batch.commit()).rejects.toMatchObject({ code: 5 });
  expect((await db.doc('smoke/batch-a').get()).exists).toBe(false);
});

test('requests up to Firestore\'s 10 MiB limit are accepted; a document over 1 MiB is INVALID_ARGUMENT', async () => {
  const nearlyOneMiB = 'x'.repeat(1_000_000);
  const batch = db.batch();
  for (let i = 0; i < 5; i++) batch.set(db.doc(`smoke/big-${i}`), { text: nearlyOneMiB });
  await batch.commit();
  await expect(db.doc('smoke/too-big').set({ text: nearlyOneMiB + 'x'.repeat(50_000) })).rejects.toMatchObject({ code: 3 });
});

test('the HTTP endpoints share the gRPC port: health check and per-database reset', async () => {
  await db.doc('smoke/doomed').set({ x: 1 });
  const health = await fetch(`http://${emulator.host}/`);
  expect([health.status, await health.text()]).toEqual([200, 'Ok']);
  const reset = await fetch(`http://${emulator.host}/emulator/v1/projects/smoke/databases/(default)/documents`, { method: 'DELETE' });
  expect(reset.status).toBe(200);
  expect((await db.doc('smoke/doomed').get()).exists).toBe(false);
});

test('malformed requests get INVALID_ARGUMENT and the server keeps serving', async () => {
  const Client = makeGenericClientConstructor(loadFirestoreService(), 'Firestore');
  const client = new Client(emulator.host, credentials.createInsecure());
  type UnaryMethod = (request: object, callback: (error: ServiceError | null) => void) => void;
  const methods = client as unknown as Record<string, UnaryMethod>;
  const call = (method: string, request: object) => new Promise<ServiceError | null>((resolve) => methods[method]!(request, resolve));
  expect((await call('GetDocument', { name: 'garbage' }))?.code).toBe(3);
  expect((await call('Commit', { database: 'projects/smoke/databases/(default)', writes: [{}] }))?.code).toBe(3);
  expect((await call('Commit', { database: 'projects/smoke/databases/(default)', writes: [{ delete: 'projects/other/databases/(default)/documents/a/b' }] }))?.code).toBe(3);
  expect((await call('PartitionQuery', {}))?.code).toBe(3);
  client.close();
  await db.doc('smoke/alive').set({ ok: true });
});
