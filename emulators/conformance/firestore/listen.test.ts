import { describe, expect, test } from 'vitest';
import type { DocumentSnapshot, Query, QuerySnapshot } from '@google-cloud/firestore';
import { CLIENT_NAMES, useFirestore } from './support/clients.ts';
import { listen, type EventQueue } from './support/events.ts';
import { seed } from './support/seed.ts';

/** A snapshot's changes as [type, id, oldIndex, newIndex], in delivery order. */
function changes(snapshot: QuerySnapshot): [string, string, number, number][] {
  return snapshot.docChanges().map((c) => [c.type, c.doc.id, c.oldIndex, c.newIndex]);
}

function ids(snapshot: QuerySnapshot): string[] {
  return snapshot.docs.map((d) => d.id);
}

function listenToQuery(query: Query): EventQueue<QuerySnapshot> {
  return listen<QuerySnapshot>((next, error) => query.onSnapshot(next, error));
}

describe.each(CLIENT_NAMES)('real-time listeners (Listen stream) with %s', (client) => {
  const { db, sdk } = useFirestore('listen', client);

  describe('on a document', () => {
    test('reports absence, creation, updates and deletion in order', async () => {
      const ref = db.doc('rooms/live');
      const events = listen<DocumentSnapshot>((next, error) => ref.onSnapshot(next, error));

      const initial = await events.next('the initial snapshot');
      expect(initial.exists).toBe(false);

      const created = await ref.set({ topic: 'hello', n: 1 });
      const afterCreate = await events.next('the created document');
      expect(afterCreate.exists).toBe(true);
      expect(afterCreate.data()).toEqual({ topic: 'hello', n: 1 });
      expect(afterCreate.updateTime?.isEqual(created.writeTime)).toBe(true);

      await ref.update({ n: sdk.FieldValue.increment(1) });
      expect((await events.next('the updated document')).data()).toEqual({ topic: 'hello', n: 2 });

      await ref.delete();
      expect((await events.next('the deletion')).exists).toBe(false);
    });

    test('starts with the current data of an existing document', async () => {
      await db.doc('rooms/existing').set({ v: 'current' });
      const ref = db.doc('rooms/existing');
      const events = listen<DocumentSnapshot>((next, error) => ref.onSnapshot(next, error));
      expect((await events.next('the initial snapshot')).data()).toEqual({ v: 'current' });
    });

    test('is not disturbed by writes to other documents', async () => {
      const ref = db.doc('rooms/mine');
      const events = listen<DocumentSnapshot>((next, error) => ref.onSnapshot(next, error));
      expect((await events.next('the initial snapshot')).exists).toBe(false);
      await db.doc('rooms/other').set({ v: 1 });
      await db.doc('rooms/mine/sub/child').set({ v: 1 });
      await ref.set({ v: 2 });
      const next = await events.next('the write to the listened document');
      expect(next.data()).toEqual({ v: 2 });
    });
  });

  describe('on a query', () => {
    test('reports added, modified and removed documents with their indexes', async () => {
      await seed(db, {
        'feed/a': { visible: true, rank: 1 },
        'feed/b': { visible: true, rank: 2 },
        'feed/c': { visible: false, rank: 3 },
      });
      const events = listenToQuery(db.collection('feed').where('visible', '==', true).orderBy('rank'));

      const initial = await events.next('the initial snapshot');
      expect(ids(initial)).toEqual(['a', 'b']);
      expect(changes(initial)).toEqual([
        ['added', 'a', -1, 0],
        ['added', 'b', -1, 1],
      ]);

      await db.doc('feed/d').set({ visible: true, rank: 0 });
      let snap = await events.next('d added');
      expect(changes(snap)).toEqual([['added', 'd', -1, 0]]);
      expect(ids(snap)).toEqual(['d', 'a', 'b']);

      await db.doc('feed/a').update({ rank: 5 });
      snap = await events.next('a moved');
      expect(changes(snap)).toEqual([['modified', 'a', 1, 2]]);
      expect(ids(snap)).toEqual(['d', 'b', 'a']);
      expect(snap.docs[2]?.get('rank')).toBe(5);

      await db.doc('feed/b').update({ visible: false });
      snap = await events.next('b filtered out');
      expect(changes(snap)).toEqual([['removed', 'b', 1, -1]]);
      expect(ids(snap)).toEqual(['d', 'a']);

      await db.doc('feed/d').delete();
      snap = await events.next('d deleted');
      expect(changes(snap)).toEqual([['removed', 'd', 0, -1]]);

      await db.doc('feed/c').update({ visible: true });
      snap = await events.next('c filtered in');
      expect(changes(snap)).toEqual([['added', 'c', -1, 0]]);
      expect(ids(snap)).toEqual(['c', 'a']);
    });

    test('an empty result still yields an initial snapshot', async () => {
      const events = listenToQuery(db.collection('nothing'));
      const initial = await events.next('the initial snapshot');
      expect(initial.empty).toBe(true);
      expect(changes(initial)).toEqual([]);

      await db.doc('nothing/first').set({ v: 1 });
      expect(changes(await events.next('the first document'))).toEqual([['added', 'first', -1, 0]]);
    });

    test('all changes of one batch arrive in one snapshot: removals, then additions, then modifications', async () => {
      await seed(db, { 'batch/a': { n: 1 }, 'batch/b': { n: 2 } });
      const events = listenToQuery(db.collection('batch'));
      expect(ids(await events.next('the initial snapshot'))).toEqual(['a', 'b']);

      await db
        .batch()
        .update(db.doc('batch/b'), { n: 20 })
        .set(db.doc('batch/c'), { n: 3 })
        .delete(db.doc('batch/a'))
        .commit();
      const snap = await events.next('the batch');
      expect(changes(snap)).toEqual([
        ['removed', 'a', 0, -1],
        ['added', 'c', -1, 1],
        ['modified', 'b', 0, 0],
      ]);
      expect(snap.docs.map((d) => [d.id, d.get('n')])).toEqual([
        ['b', 20],
        ['c', 3],
      ]);
    });

    test('with a limit, documents move in and out of the window', async () => {
      await seed(db, {
        'board/a': { score: 10 },
        'board/b': { score: 20 },
        'board/c': { score: 30 },
      });
      const events = listenToQuery(db.collection('board').orderBy('score', 'desc').limit(2));
      expect(ids(await events.next('the initial window'))).toEqual(['c', 'b']);

      await db.doc('board/d').set({ score: 25 });
      let snap = await events.next('d pushes b out');
      expect(changes(snap)).toEqual([
        ['removed', 'b', 1, -1],
        ['added', 'd', -1, 1],
      ]);
      expect(ids(snap)).toEqual(['c', 'd']);

      await db.doc('board/c').delete();
      snap = await events.next('c deleted, b back in');
      expect(changes(snap)).toEqual([
        ['removed', 'c', 0, -1],
        ['added', 'b', -1, 1],
      ]);
      expect(ids(snap)).toEqual(['d', 'b']);

      await db.doc('board/a').update({ score: 100 });
      snap = await events.next('a jumps to the top');
      expect(changes(snap)).toEqual([
        ['removed', 'b', 1, -1],
        ['added', 'a', -1, 0],
      ]);
      expect(ids(snap)).toEqual(['a', 'd']);

      await db.doc('board/d').update({ score: 5 });
      snap = await events.next('d drops out, b back in');
      expect(changes(snap)).toEqual([
        ['removed', 'd', 1, -1],
        ['added', 'b', -1, 1],
      ]);
      expect(ids(snap)).toEqual(['a', 'b']);

      await db.doc('board/a').update({ score: 21 });
      snap = await events.next('a modified in place');
      expect(changes(snap)).toEqual([['modified', 'a', 0, 0]]);
      expect(snap.docs.map((d) => [d.id, d.get('score')])).toEqual([
        ['a', 21],
        ['b', 20],
      ]);
    });

    test('a collection group listener sees documents in every matching collection', async () => {
      const events = listenToQuery(db.collectionGroup('msgs').where('urgent', '==', true));
      expect((await events.next('the initial snapshot')).empty).toBe(true);

      await db.doc('a/1/msgs/x').set({ urgent: true });
      expect(changes(await events.next('the first message'))).toEqual([['added', 'x', -1, 0]]);
      await db.doc('b/2/c/3/msgs/y').set({ urgent: true });
      const snap = await events.next('the nested message');
      expect(changes(snap)).toEqual([['added', 'y', -1, 1]]);
      expect(snap.docs.map((d) => d.ref.path)).toEqual(['a/1/msgs/x', 'b/2/c/3/msgs/y']);
    });
  });
});
