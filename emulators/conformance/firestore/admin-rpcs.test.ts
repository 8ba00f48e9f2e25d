import { describe, expect, test } from 'vitest';
import type { BulkWriterError } from '@google-cloud/firestore';
import { useFirestore } from './support/clients.ts';
import { Code } from './support/grpc-status.ts';
import { paths, seed } from './support/seed.ts';

describe('listing, bulk writes and recursive delete', () => {
  const { db, sdk } = useFirestore('admin-rpcs');

  describe('listDocuments', () => {
    test('lists existing documents and "missing" ones that only hold subcollections', async () => {
      await seed(db, {
        'rooms/a': { name: 'A' },
        'rooms/b': { name: 'B' },
        'rooms/ghost/messages/m1': { text: 'hi' },
        'rooms/deeper/x/y/z/w': { n: 1 },
        'rooms/a/messages/m2': { text: 'nested under an existing doc' },
        'other/c': { name: 'C' },
      });
      const refs = await db.collection('rooms').listDocuments();
      expect(refs.map((r) => r.path).sort()).toEqual(['rooms/a', 'rooms/b', 'rooms/deeper', 'rooms/ghost']);

      const snaps = await db.getAll(...refs.sort((x, y) => (x.id < y.id ? -1 : 1)));
      expect(snaps.map((s) => [s.id, s.exists])).toEqual([
        ['a', true],
        ['b', true],
        ['deeper', false],
        ['ghost', false],
      ]);
    });

    test('on a subcollection lists its documents only', async () => {
      await seed(db, {
        'rooms/a/messages/m1': { n: 1 },
        'rooms/a/messages/m2': { n: 2 },
        'rooms/b/messages/m3': { n: 3 },
      });
      const refs = await db.collection('rooms/a/messages').listDocuments();
      expect(refs.map((r) => r.path).sort()).toEqual(['rooms/a/messages/m1', 'rooms/a/messages/m2']);
    });

    test('returns nothing for an empty collection', async () => {
      expect(await db.collection('empty').listDocuments()).toEqual([]);
    });

    test('no longer lists a deleted document without subcollections', async () => {
      await seed(db, { 'rooms/a': { n: 1 }, 'rooms/b': { n: 2 } });
      await db.doc('rooms/a').delete();
      expect((await db.collection('rooms').listDocuments()).map((r) => r.id)).toEqual(['b']);
    });
  });

  describe('listCollections', () => {
    test('at the root lists top-level collection ids, including those holding only missing documents', async () => {
      await seed(db, {
        'users/u1': { n: 1 },
        'posts/p1': { n: 1 },
        'phantoms/x/children/c': { n: 1 },
        'users/u1/private/settings': { n: 1 },
      });
      const ids = (await db.listCollections()).map((c) => c.id).sort();
      expect(ids).toEqual(['phantoms', 'posts', 'users']);
    });

    test('on a document lists its direct subcollections only', async () => {
      await seed(db, {
        'users/u1': { n: 1 },
        'users/u1/private/settings': { n: 1 },
        'users/u1/posts/p1': { n: 1 },
        'users/u1/posts/p1/comments/c1': { n: 1 },
        'users/u2/other/x': { n: 1 },
      });
      const collections = await db.doc('users/u1').listCollections();
      expect(collections.map((c) => c.path).sort()).toEqual(['users/u1/posts', 'users/u1/private']);
    });

    test('on a missing document that has subcollections', async () => {
      await seed(db, { 'users/ghost/inbox/m1': { n: 1 } });
      expect((await db.doc('users/ghost').listCollections()).map((c) => c.id)).toEqual(['inbox']);
    });

    test('on a document without subcollections is empty', async () => {
      await seed(db, { 'users/u1': { n: 1 } });
      expect(await db.doc('users/u1').listCollections()).toEqual([]);
      expect(await db.doc('users/nobody').listCollections()).toEqual([]);
    });
  });

  describe('BulkWriter', () => {
    test('applies writes independently and reports each failure with its code', async () => {
      await seed(db, { 'items/existing': { n: 1 }, 'items/doomed': { n: 1 } });
      const writer = db.bulkWriter();
      const failures: { path: string; code: number; operation: string }[] = [];
      writer.onWriteError((error: BulkWriterError) => {
        failures.push({ path: error.documentRef.path, code: error.code, operation: error.operationType });
        return false;
      });

      const outcomes = Promise.allSettled([
        writer.create(db.doc('items/fresh'), { n: 0 }),
        writer.create(db.doc('items/existing'), { n: 99 }),
        writer.update(db.doc('items/missing'), { n: 1 }),
        writer.set(db.doc('items/set'), { n: 2 }),
        writer.update(db.doc('items/existing2'), { n: 3 }),
        writer.delete(db.doc('items/doomed')),
      ]);
      await writer.close();
      const settled = await outcomes;

      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      expect(failures.sort((x, y) => (x.path < y.path ? -1 : 1))).toEqual([
        { path: 'items/existing', code: Code.ALREADY_EXISTS, operation: 'create' },
        { path: 'items/existing2', code: Code.NOT_FOUND, operation: 'update' },
        { path: 'items/missing', code: Code.NOT_FOUND, operation: 'update' },
      ]);
      const snap = await db.collection('items').get();
      expect(snap.docs.map((d) => [d.id, d.data()])).toEqual([
        ['existing', { n: 1 }],
        ['fresh', { n: 0 }],
        ['set', { n: 2 }],
      ]);
    });

    test('writes many documents with transforms', async () => {
      const writer = db.bulkWriter();
      const writes = Array.from({ length: 120 }, (_, i) =>
        writer.set(db.doc(`bulk/d${String(i).padStart(3, '0')}`), { i, at: sdk.FieldValue.serverTimestamp() }),
      );
      await writer.close();
      const results = await Promise.all(writes);
      expect(results).toHaveLength(120);
      expect((await db.collection('bulk').count().get()).data().count).toBe(120);
      const last = await db.doc('bulk/d119').get();
      expect(last.get('i')).toBe(119);
      expect(last.get('at')).toBeInstanceOf(sdk.Timestamp);
    });
  });

  describe('recursiveDelete', () => {
    test('deletes a document with all nested subcollections and leaves its siblings', async () => {
      await seed(db, {
        'users/u1': { n: 1 },
        'users/u1/posts/p1': { n: 1 },
        'users/u1/posts/p1/comments/c1': { n: 1 },
        'users/u1/private/settings': { n: 1 },
        'users/u10/posts/p1': { n: 1 },
        'users/u2': { n: 2 },
        'users/u2/posts/p1': { n: 1 },
      });
      await db.recursiveDelete(db.doc('users/u1'));

      expect((await db.doc('users/u1').get()).exists).toBe(false);
      expect(await db.doc('users/u1').listCollections()).toEqual([]);
      expect(paths(await db.collectionGroup('posts').get())).toEqual(['users/u10/posts/p1', 'users/u2/posts/p1']);
      expect((await db.collectionGroup('comments').get()).empty).toBe(true);
      expect((await db.doc('users/u2').get()).data()).toEqual({ n: 2 });
    });

    test('deletes a whole collection including missing documents and their subcollections', async () => {
      await seed(db, {
        'rooms/a': { n: 1 },
        'rooms/ghost/messages/m1': { n: 1 },
        'rooms/a/messages/m2': { n: 1 },
        'roomsx/keep': { n: 1 },
        'other/x/rooms/keep': { n: 1 },
      });
      await db.recursiveDelete(db.collection('rooms'));

      expect(await db.collection('rooms').listDocuments()).toEqual([]);
      expect((await db.collectionGroup('messages').get()).empty).toBe(true);
      expect((await db.listCollections()).map((c) => c.id).sort()).toEqual(['other', 'roomsx']);
      expect(paths(await db.collectionGroup('rooms').get())).toEqual(['other/x/rooms/keep']);
    });
  });
});
