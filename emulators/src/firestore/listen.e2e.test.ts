import { status } from '@grpc/grpc-js';
import { Firestore, type DocumentChange, type QuerySnapshot } from '@google-cloud/firestore';
import { deleteApp, initializeApp } from 'firebase/app';
import * as web from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Arrivals, FirestoreTestClient } from './bidi-test-client.ts';
import { startFirestoreEmulator, type FirestoreEmulator } from './index.ts';
import type { ListenRequest, ListenResponse } from './listen.ts';
import { trackSubscriptions } from './listen-test-fixtures.ts';

const PROJECT = 'listen-e2e';
const DATABASE = `projects/${PROJECT}/databases/(default)`;
const nameOf = (path: string) => `${DATABASE}/documents/${path}`;

let emulator: FirestoreEmulator;
let db: Firestore;
let raw: FirestoreTestClient;
let subscriptions: { opened: number; active: number };

beforeAll(async () => {
  emulator = await startFirestoreEmulator({ port: 0 });
  subscriptions = trackSubscriptions(emulator.store);
  // What application code does: the variable alone routes the client to the emulator.
  vi.stubEnv('FIRESTORE_EMULATOR_HOST', emulator.host);
  db = new Firestore({ projectId: PROJECT });
  raw = new FirestoreTestClient(emulator.port);
});

afterAll(async () => {
  raw?.close();
  await db?.terminate();
  await emulator?.stop();
  vi.unstubAllEnvs();
});

/** A query snapshot as `type id oldIndex>newIndex` per change, then the ids in order. */
function describeSnapshot(snapshot: QuerySnapshot): string {
  const change = ({ type, doc, oldIndex, newIndex }: DocumentChange) => `${type} ${doc.id} ${oldIndex}>${newIndex}`;
  return `${snapshot.docChanges().map(change).join(', ')} | ${snapshot.docs.map((doc) => doc.id).join(',')}`;
}

/** The web SDK on its own app, connected the documented way; close() terminates it so the test run can exit. */
function openWebFirestore(appName: string) {
  web.setLogLevel('error');
  const app = initializeApp({ projectId: PROJECT, apiKey: 'e2e' }, appName);
  const webDb = web.getFirestore(app);
  web.connectFirestoreEmulator(webDb, '127.0.0.1', emulator.port);
  return {
    webDb,
    close: async () => {
      await web.terminate(webDb);
      await deleteApp(app);
    },
  };
}

describe('Listen with the node SDK', () => {
  it('follows one document through create, update and delete', async () => {
    const ref = db.doc('watched/doc');
    const states = new Arrivals<string>();
    const unsubscribe = ref.onSnapshot(
      (snapshot) => states.push(snapshot.exists ? JSON.stringify(snapshot.data()) : 'missing'),
      (error) => states.end(String(error)),
    );
    await states.count(1);
    await ref.set({ n: 1 });
    await states.count(2);
    await ref.update({ n: 2 });
    await states.count(3);
    await ref.delete();
    await states.count(4);
    unsubscribe();
    expect(states.items).toEqual(['missing', '{"n":1}', '{"n":2}', 'missing']);
  });

  it('moves documents in and out of a where + orderBy + limit query', async () => {
    const board = db.collection('board');
    await Promise.all([
      board.doc('a').set({ score: 50 }),
      board.doc('b').set({ score: 40 }),
      board.doc('c').set({ score: 30 }),
      board.doc('d').set({ score: 5 }),
    ]);
    const snapshots = new Arrivals<string>();
    const unsubscribe = board
      .where('score', '>=', 10)
      .orderBy('score', 'desc')
      .limit(2)
      .onSnapshot((snapshot) => snapshots.push(describeSnapshot(snapshot)), (error) => snapshots.end(String(error)));
    await snapshots.count(1);
    await board.doc('b').update({ score: 60 });
    await snapshots.count(2);
    await board.doc('a').delete();
    await snapshots.count(3);
    await board.doc('c').update({ score: 8 });
    await snapshots.count(4);
    await board.doc('e').set({ score: 45 });
    await snapshots.count(5);
    await board.doc('d').update({ score: 6 });
    await board.doc('e').update({ score: 70 });
    await snapshots.count(6);
    unsubscribe();
    expect(snapshots.items).toEqual([
      'added a -1>0, added b -1>1 | a,b',
      'modified b 1>0 | b,a',
      'removed a 1>-1, added c -1>1 | b,c',
      'removed c 1>-1 | b',
      'added e -1>1 | b,e',
      'modified e 1>0 | e,b',
    ]);
  });
});

describe('Listen with the web SDK', () => {
  it('multiplexes a document listener and a query listener on one stream', async () => {
    const { webDb, close } = openWebFirestore('listen-e2e');
    const before = subscriptions.opened;

    const documentStates = new Arrivals<string>();
    const queryStates = new Arrivals<string>();
    const unsubscribeDocument = web.onSnapshot(
      web.doc(webDb, 'web/a'),
      (snapshot) => documentStates.push(snapshot.exists() ? JSON.stringify(snapshot.data()) : 'missing'),
      (error) => documentStates.end(String(error)),
    );
    const unsubscribeQuery = web.onSnapshot(
      web.query(web.collection(webDb, 'web'), web.where('v', '>=', 1), web.orderBy('v')),
      (snapshot) => queryStates.push(snapshot.docs.map((doc) => `${doc.id}=${doc.get('v')}`).join(',')),
      (error) => queryStates.end(String(error)),
    );
    await documentStates.count(1);
    await queryStates.count(1);

    await db.doc('web/b').set({ v: 2 });
    await queryStates.find((state) => state === 'b=2');
    await db.doc('web/a').set({ v: 1 });
    await documentStates.find((state) => state === '{"v":1}');
    await queryStates.find((state) => state === 'a=1,b=2');
    await db.doc('web/a').update({ v: 0 });
    await documentStates.find((state) => state === '{"v":0}');
    await queryStates.find((state) => state === 'b=2');
    await db.doc('web/b').delete();
    await queryStates.find((state) => state === '');

    expect(subscriptions.opened - before).toBe(1);
    unsubscribeDocument();
    unsubscribeQuery();
    await close();
  });

  it('catches up after going offline: changes and deletions made meanwhile arrive on resume', async () => {
    const { webDb, close } = openWebFirestore('listen-e2e-resume');
    await Promise.all(['a', 'b', 'c'].map((id, i) => db.doc(`offline/${id}`).set({ v: i })));

    const states = new Arrivals<string>();
    const unsubscribe = web.onSnapshot(
      web.query(web.collection(webDb, 'offline'), web.orderBy('v')),
      { includeMetadataChanges: true },
      (snapshot) => states.push(`${snapshot.metadata.fromCache ? 'cache' : 'server'} ${snapshot.docs.map((doc) => `${doc.id}=${doc.get('v')}`).join(',')}`),
      (error) => states.end(String(error)),
    );
    await states.find((state) => state === 'server a=0,b=1,c=2');
    await web.disableNetwork(webDb);
    const offlineFrom = states.items.length;
    await db.doc('offline/a').delete();
    await db.doc('offline/b').update({ v: 5 });
    await web.enableNetwork(webDb);
    await states.find((state) => state === 'server c=2,b=5', offlineFrom);

    unsubscribe();
    await close();
  });
});

describe('Listen over the wire', () => {
  const isSnapshot = (response: ListenResponse) => response.targetChange?.targetChangeType === 'NO_CHANGE' && !response.targetChange.targetIds;

  it('resumes from a token with only what changed since, and the count to check', async () => {
    const target = { targetId: 1, query: { parent: `${DATABASE}/documents`, structuredQuery: { from: [{ collectionId: 'resumed' }] } } };
    emulator.commit(DATABASE, ['a', 'b', 'c'].map((id) => ({ update: { name: nameOf(`resumed/${id}`), fields: {} } })));
    const first = raw.open<ListenRequest, ListenResponse>('Listen');
    first.send({ database: DATABASE, addTarget: target });
    const initial = await first.responses.find(isSnapshot);
    first.end();
    expect(await first.status).toMatchObject({ code: status.OK });

    emulator.commit(DATABASE, [{ delete: nameOf('resumed/a') }, { update: { name: nameOf('resumed/b'), fields: { x: { booleanValue: true } } } }]);
    const second = raw.open<ListenRequest, ListenResponse>('Listen');
    second.send({ database: DATABASE, addTarget: { ...target, resumeToken: initial.at(-1)!.targetChange!.resumeToken! } });
    const resumed = await second.responses.find(isSnapshot);
    second.end();
    expect(resumed.map(({ documentChange, documentDelete, filter, targetChange }) => {
      if (documentChange) return `change ${documentChange.document.name.split('/').pop()}`;
      if (documentDelete) return `delete ${documentDelete.document.split('/').pop()}`;
      if (filter) return `filter ${filter.count}`;
      return targetChange!.targetChangeType;
    })).toEqual(['ADD', 'change b', 'delete a', 'filter 2', 'CURRENT', 'NO_CHANGE']);
  });

  it('removes a target it rejects with the cause, and keeps the stream', async () => {
    const stream = raw.open<ListenRequest, ListenResponse>('Listen');
    stream.send({ database: DATABASE, addTarget: { targetId: 1, query: { parent: `${DATABASE}/documents`, structuredQuery: { from: [] } } } });
    stream.send({ database: DATABASE, addTarget: { targetId: 2, documents: { documents: [nameOf('kept/doc')] } } });
    const responses = await stream.responses.find(isSnapshot);
    expect(responses[0]!.targetChange).toMatchObject({ targetChangeType: 'REMOVE', targetIds: [1], cause: { code: status.INVALID_ARGUMENT } });
    expect(responses[1]!.targetChange).toMatchObject({ targetChangeType: 'ADD', targetIds: [2] });
    stream.end();
    expect(await stream.status).toMatchObject({ code: status.OK });
  });

  it('ends a stream that sends garbage or no database with a status, and keeps serving', async () => {
    const garbage = raw.openRaw('Listen');
    garbage.send(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect((await garbage.status).code).not.toBe(status.OK);

    const anonymous = raw.open<ListenRequest, ListenResponse>('Listen');
    anonymous.send({ addTarget: { targetId: 1, documents: { documents: [nameOf('x/y')] } } });
    expect(await anonymous.status).toMatchObject({ code: status.INVALID_ARGUMENT });

    const healthy = raw.open<ListenRequest, ListenResponse>('Listen');
    healthy.send({ database: DATABASE, addTarget: { targetId: 1, documents: { documents: [nameOf('x/y')] } } });
    await healthy.responses.find(isSnapshot);
    healthy.end();
    await healthy.status;
  });

  it('releases the change feed however a stream ends, across many streams', async () => {
    const baseline = subscriptions.active;
    const streams = Array.from({ length: 40 }, () => raw.open<ListenRequest, ListenResponse>('Listen'));
    for (const stream of streams) stream.send({ database: DATABASE, addTarget: { targetId: 1, documents: { documents: [nameOf('many/doc')] } } });
    await Promise.all(streams.map((stream) => stream.responses.find(isSnapshot)));
    expect(subscriptions.active - baseline).toBe(40);

    emulator.commit(DATABASE, [{ update: { name: nameOf('many/doc'), fields: {} } }]);
    await Promise.all(streams.map((stream) => stream.responses.find((response) => response.documentChange !== undefined)));

    streams.forEach((stream, i) => (i % 2 ? stream.cancel() : stream.end()));
    await Promise.all(streams.map((stream) => stream.status));
    await vi.waitFor(() => expect(subscriptions.active).toBe(baseline));
  });
});
