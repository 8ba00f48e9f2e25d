import { status } from '@grpc/grpc-js';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import * as web from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreTestClient, type TestStream } from './bidi-test-client.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from './index.ts';
import type { WriteRequest, WriteResponse } from './write-stream.ts';

const PROJECT = 'write-stream-e2e';
const DATABASE = `projects/${PROJECT}/databases/(default)`;
const nameOf = (path: string) => `${DATABASE}/documents/${path}`;

let emulator: FirestoreEmulator;
let raw: FirestoreTestClient;

beforeAll(async () => {
  emulator = await startFirestoreEmulator({ port: 0 });
  raw = new FirestoreTestClient(emulator.port);
});

afterAll(async () => {
  raw?.close();
  await emulator?.stop();
});

describe('Write stream with the web SDK', () => {
  let app: FirebaseApp;
  let db: web.Firestore;

  beforeAll(() => {
    web.setLogLevel('silent');
    app = initializeApp({ projectId: PROJECT, apiKey: 'e2e' }, 'write-stream-e2e');
    db = web.getFirestore(app);
    web.connectFirestoreEmulator(db, '127.0.0.1', emulator.port);
  });

  afterAll(async () => {
    await web.terminate(db);
    await deleteApp(app);
  });

  const stored = (path: string) => emulator.store.get(nameOf(path))?.fields;

  it('sets, updates with transforms, and deletes', async () => {
    const ref = web.doc(db, 'notes/n1');
    await web.setDoc(ref, { title: 'hello', tags: ['a'], count: 1 });
    expect(stored('notes/n1')).toEqual({ title: { stringValue: 'hello' }, tags: { arrayValue: { values: [{ stringValue: 'a' }] } }, count: { integerValue: '1' } });

    await web.updateDoc(ref, { count: web.increment(2), tags: web.arrayUnion('b'), editedAt: web.serverTimestamp() });
    const updated = stored('notes/n1')!;
    expect(updated.count).toEqual({ integerValue: '3' });
    expect(updated.tags).toEqual({ arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } });
    expect(updated.editedAt?.timestampValue).toBeDefined();
    // The transform results came back on the stream: the SDK's own copy holds the server's values.
    const local = await web.getDocFromCache(ref);
    expect(local.get('count')).toBe(3);
    expect(local.get('editedAt')).toBeInstanceOf(web.Timestamp);

    await web.deleteDoc(ref);
    expect(stored('notes/n1')).toBeUndefined();
  });

  it('rejects a write whose precondition fails, then keeps writing', async () => {
    await expect(web.updateDoc(web.doc(db, 'notes/missing'), { x: 1 })).rejects.toMatchObject({ code: 'not-found' });
    await web.setDoc(web.doc(db, 'notes/after'), { ok: true });
    expect(stored('notes/after')).toEqual({ ok: { booleanValue: true } });
  });

  it('applies a batch atomically', async () => {
    const batch = web.writeBatch(db);
    batch.set(web.doc(db, 'batch/a'), { n: 1 });
    batch.set(web.doc(db, 'batch/b'), { n: 2 });
    await batch.commit();
    expect(emulator.store.get(nameOf('batch/a'))!.updateTime).toEqual(emulator.store.get(nameOf('batch/b'))!.updateTime);
  });
});

describe('Write stream over the wire', () => {
  async function handshake(): Promise<{ stream: TestStream<WriteRequest, WriteResponse>; token: Buffer }> {
    const stream = raw.open<WriteRequest, WriteResponse>('Write');
    stream.send({ database: DATABASE });
    const [response] = await stream.responses.count(1);
    return { stream, token: response!.streamToken };
  }

  it('answers the handshake with a stream id and token and no results, then each request in order', async () => {
    const stream = raw.open<WriteRequest, WriteResponse>('Write');
    stream.send({ database: DATABASE });
    const [greeting] = await stream.responses.count(1);
    expect(greeting!.streamId).toMatch(/./);
    expect(greeting!.streamToken.length).toBeGreaterThan(0);
    expect(greeting!.writeResults ?? []).toEqual([]);
    expect(greeting!.commitTime).toBeUndefined();

    stream.send({
      streamToken: greeting!.streamToken,
      writes: [{ update: { name: nameOf('wire/a'), fields: {} }, updateTransforms: [{ fieldPath: 'at', setToServerValue: 'REQUEST_TIME' }] }],
    });
    // Pipelined, as the web SDK does: the same token again, before the first answer arrives.
    stream.send({ streamToken: greeting!.streamToken, writes: [{ delete: nameOf('wire/a') }] });
    const [, first, second] = await stream.responses.count(3);
    expect(first!.writeResults).toMatchObject([{ updateTime: first!.commitTime, transformResults: [{ timestampValue: first!.commitTime }] }]);
    expect(Buffer.compare(first!.streamToken, greeting!.streamToken)).not.toBe(0);
    expect(second!.writeResults).toHaveLength(1);
    expect(emulator.store.get(nameOf('wire/a'))).toBeUndefined();

    stream.end();
    expect(await stream.status).toMatchObject({ code: status.OK });
  });

  it('ends the stream with the status of a failed precondition, applying nothing of that request', async () => {
    const { stream, token } = await handshake();
    stream.send({
      streamToken: token,
      writes: [
        { update: { name: nameOf('wire/untouched'), fields: {} } },
        { update: { name: nameOf('wire/absent'), fields: {} }, currentDocument: { exists: true } },
      ],
    });
    expect(await stream.status).toMatchObject({ code: status.NOT_FOUND });
    expect(emulator.store.get(nameOf('wire/untouched'))).toBeUndefined();

    const { stream: stale, token: staleToken } = await handshake();
    stale.send({ streamToken: staleToken, writes: [{ update: { name: nameOf('wire/b'), fields: {} } }] });
    const [, written] = await stale.responses.count(2);
    stale.send({
      streamToken: written!.streamToken,
      writes: [{ update: { name: nameOf('wire/b'), fields: {} }, currentDocument: { updateTime: { seconds: 1 } } }],
    });
    expect(await stale.status).toMatchObject({ code: status.FAILED_PRECONDITION });
  });

  it('refuses writes in the handshake, unknown tokens, and a missing database', async () => {
    const eager = raw.open<WriteRequest, WriteResponse>('Write');
    eager.send({ database: DATABASE, writes: [{ delete: nameOf('wire/x') }] });
    expect(await eager.status).toMatchObject({ code: status.INVALID_ARGUMENT });

    const { stream: forged } = await handshake();
    forged.send({ streamToken: Buffer.from('forged'), writes: [{ delete: nameOf('wire/x') }] });
    expect(await forged.status).toMatchObject({ code: status.INVALID_ARGUMENT });

    const anonymous = raw.open<WriteRequest, WriteResponse>('Write');
    anonymous.send({});
    expect(await anonymous.status).toMatchObject({ code: status.INVALID_ARGUMENT });

    const garbage = raw.openRaw('Write');
    garbage.send(Buffer.from([0x0a, 0xff]));
    expect((await garbage.status).code).not.toBe(status.OK);
  });
});
