import {
  arrayUnion,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  onSnapshot,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type DocumentSnapshot,
  type QuerySnapshot,
} from 'firebase/firestore';
import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { listen } from './support/events.ts';
import { useWebFirestore } from './support/web-client.ts';

/**
 * The firebase web SDK under Node: writes go through the Write stream, reads and listeners
 * through one shared Listen stream. The admin client on the same project checks what the
 * server actually stored. Each test uses its own paths: the web SDK keeps a cache.
 */
describe('firebase web SDK', () => {
  const { db: admin, projectId } = useFirestore('web-sdk');
  const web = useWebFirestore(projectId);

  test('setDoc, updateDoc and deleteDoc reach the server', async () => {
    const ref = doc(web, 'web-writes/w1');
    await setDoc(ref, { title: 'hello', tags: ['a'], count: 1 });
    expect((await admin.doc('web-writes/w1').get()).data()).toEqual({ title: 'hello', tags: ['a'], count: 1 });

    await updateDoc(ref, { 'nested.flag': true, tags: arrayUnion('b'), count: increment(2) });
    expect((await admin.doc('web-writes/w1').get()).data()).toEqual({
      title: 'hello',
      tags: ['a', 'b'],
      count: 3,
      nested: { flag: true },
    });

    await setDoc(ref, { extra: 1 }, { merge: true });
    expect((await admin.doc('web-writes/w1').get()).get('extra')).toBe(1);

    await deleteDoc(ref);
    expect((await admin.doc('web-writes/w1').get()).exists).toBe(false);
  });

  test('serverTimestamp written by the web SDK is the commit time', async () => {
    await setDoc(doc(web, 'web-ts/t1'), { at: serverTimestamp() });
    const snap = await admin.doc('web-ts/t1').get();
    expect(snap.get('at').toMillis()).toBe(snap.updateTime?.toMillis());
  });

  test('updateDoc on a missing document fails with not-found', async () => {
    await expect(updateDoc(doc(web, 'web-missing/none'), { a: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });

  test('a writeBatch commits atomically', async () => {
    await admin.doc('web-batch/existing').set({ n: 1 });
    const batch = writeBatch(web);
    batch.set(doc(web, 'web-batch/new'), { n: 2 });
    batch.update(doc(web, 'web-batch/existing'), { n: increment(10) });
    await batch.commit();
    const [created, updated] = await admin.getAll(admin.doc('web-batch/new'), admin.doc('web-batch/existing'));
    expect([created?.get('n'), updated?.get('n')]).toEqual([2, 11]);
  });

  test('getDoc and getDocs read what the admin client wrote', async () => {
    await admin.doc('web-reads/a').set({ n: 1, kind: 'x' });
    await admin.doc('web-reads/b').set({ n: 2, kind: 'x' });
    await admin.doc('web-reads/c').set({ n: 3, kind: 'y' });

    const a = await getDoc(doc(web, 'web-reads/a'));
    expect(a.exists()).toBe(true);
    expect(a.data()).toEqual({ n: 1, kind: 'x' });
    expect((await getDoc(doc(web, 'web-reads/none'))).exists()).toBe(false);

    const xs = await getDocs(query(collection(web, 'web-reads'), where('kind', '==', 'x'), orderBy('n', 'desc')));
    expect(xs.docs.map((d) => d.id)).toEqual(['b', 'a']);
  });

  test('a doc listener and a query listener on one Listen stream both see changes', async () => {
    await admin.doc('web-rooms/r1').set({ name: 'Room 1' });
    const roomEvents = listen<DocumentSnapshot>((next, error) => onSnapshot(doc(web, 'web-rooms/r1'), next, error));
    const messagesQuery = query(collection(web, 'web-messages'), where('room', '==', 'r1'), orderBy('at'));
    const messageEvents = listen<QuerySnapshot>((next, error) => onSnapshot(messagesQuery, next, error));

    const room = await roomEvents.next('the initial room');
    expect(room.data()).toEqual({ name: 'Room 1' });
    const messages = await messageEvents.next('the initial messages');
    expect(messages.empty).toBe(true);

    await admin.doc('web-messages/m1').set({ room: 'r1', at: 1, text: 'first' });
    const afterFirst = await messageEvents.next('the first message');
    expect(afterFirst.docChanges().map((c) => [c.type, c.doc.id])).toEqual([['added', 'm1']]);

    await admin.doc('web-rooms/r1').update({ name: 'Renamed' });
    expect((await roomEvents.next('the rename')).data()).toEqual({ name: 'Renamed' });

    await admin.doc('web-messages/m0').set({ room: 'r1', at: 0, text: 'earlier' });
    await admin.doc('web-messages/other').set({ room: 'r2', at: 0, text: 'elsewhere' });
    const afterSecond = await messageEvents.next('the earlier message');
    expect(afterSecond.docs.map((d) => d.id)).toEqual(['m0', 'm1']);
    expect(afterSecond.docChanges().map((c) => [c.type, c.doc.id, c.newIndex])).toEqual([['added', 'm0', 0]]);

    await admin.doc('web-messages/m1').update({ room: 'r2' });
    const afterMove = await messageEvents.next('m1 leaving the room');
    expect(afterMove.docChanges().map((c) => [c.type, c.doc.id])).toEqual([['removed', 'm1']]);

    await admin.doc('web-rooms/r1').delete();
    expect((await roomEvents.next('the room deletion')).exists()).toBe(false);
  });

  test('a listener sees the web SDK own write confirmed by the server', async () => {
    const ref = doc(web, 'web-own/o1');
    const events = listen<DocumentSnapshot>((next, error) =>
      onSnapshot(ref, { includeMetadataChanges: true }, next, error),
    );
    await events.nextMatching((s) => !s.metadata.fromCache && !s.exists(), 'the server-confirmed absence');

    await setDoc(ref, { at: serverTimestamp(), v: 1 });
    const confirmed = await events.nextMatching(
      (s) => s.exists() && !s.metadata.hasPendingWrites,
      'the acknowledged write',
    );
    expect(confirmed.get('v')).toBe(1);
    const stored = await admin.doc('web-own/o1').get();
    const [seen, kept] = [confirmed.get('at'), stored.get('at')] as { seconds: number; nanoseconds: number }[];
    expect([seen?.seconds, seen?.nanoseconds]).toEqual([kept?.seconds, kept?.nanoseconds]);
  });

  test('runTransaction retries when the document changed after its read', async () => {
    const ref = doc(web, 'web-tx/counter');
    await admin.doc('web-tx/counter').set({ n: 0 });
    let attempts = 0;
    await runTransaction(web, async (tx) => {
      attempts += 1;
      const snap = await tx.get(ref);
      if (attempts === 1) await admin.doc('web-tx/counter').update({ n: 100 });
      tx.update(ref, { n: (snap.get('n') as number) + 1 });
    });
    expect(attempts).toBe(2);
    expect((await admin.doc('web-tx/counter').get()).get('n')).toBe(101);
  });
});
