import { beforeEach, describe, expect, test } from 'vitest';
import type { DocumentSnapshot, Query } from '@google-cloud/firestore';
import { useFirestore } from './support/clients.ts';
import { ids, seedCollection } from './support/seed.ts';

describe('query cursors', () => {
  const { db, sdk } = useFirestore('cursors');
  const { FieldPath } = sdk;
  const scores = db.collection('scores');
  const byScore = scores.orderBy('score');

  beforeEach(() =>
    seedCollection(db, 'scores', {
      a: { score: 10 },
      b: { score: 20 },
      c: { score: 20 },
      d: { score: 30 },
      e: { score: 40 },
      nos: { other: 1 },
    }),
  );

  const snapshot = (id: string): Promise<DocumentSnapshot> => scores.doc(id).get();

  describe('with values', () => {
    test('startAt includes and startAfter excludes the boundary value', async () => {
      expect(ids(await byScore.startAt(20).get())).toEqual(['b', 'c', 'd', 'e']);
      expect(ids(await byScore.startAfter(20).get())).toEqual(['d', 'e']);
    });

    test('endAt includes and endBefore excludes the boundary value', async () => {
      expect(ids(await byScore.endAt(20).get())).toEqual(['a', 'b', 'c']);
      expect(ids(await byScore.endBefore(20).get())).toEqual(['a']);
    });

    test('start and end cursors combine', async () => {
      expect(ids(await byScore.startAt(20).endBefore(40).get())).toEqual(['b', 'c', 'd']);
      expect(ids(await byScore.startAfter(10).endAt(30).get())).toEqual(['b', 'c', 'd']);
    });

    test('a value between stored values positions the cursor between them', async () => {
      expect(ids(await byScore.startAt(15).endAt(35).get())).toEqual(['b', 'c', 'd']);
    });

    test('a cursor with fewer values than orderings positions on the prefix', async () => {
      const query = scores.orderBy('score').orderBy(FieldPath.documentId());
      expect(ids(await query.startAt(20).get())).toEqual(['b', 'c', 'd', 'e']);
      expect(ids(await query.startAfter(20, 'b').get())).toEqual(['c', 'd', 'e']);
      expect(ids(await query.endBefore(20, 'c').get())).toEqual(['a', 'b']);
    });

    test('cursors on a descending order', async () => {
      const desc = scores.orderBy('score', 'desc');
      expect(ids(await desc.get())).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect(ids(await desc.startAfter(30).get())).toEqual(['c', 'b', 'a']);
      expect(ids(await desc.startAt(20).endAt(10).get())).toEqual(['c', 'b', 'a']);
    });

    test('cursors on the document id', async () => {
      const byId = scores.orderBy(FieldPath.documentId());
      expect(ids(await byId.startAfter('c').get())).toEqual(['d', 'e', 'nos']);
      expect(ids(await byId.startAt('b').endBefore('d').get())).toEqual(['b', 'c']);
    });
  });

  describe('with document snapshots', () => {
    test('startAfter a snapshot breaks ties on the ordered field by document name', async () => {
      const b = await snapshot('b');
      expect(ids(await byScore.startAfter(b).get())).toEqual(['c', 'd', 'e']);
      expect(ids(await byScore.startAt(b).get())).toEqual(['b', 'c', 'd', 'e']);
    });

    test('endBefore and endAt a snapshot', async () => {
      const c = await snapshot('c');
      expect(ids(await byScore.endBefore(c).get())).toEqual(['a', 'b']);
      expect(ids(await byScore.endAt(c).get())).toEqual(['a', 'b', 'c']);
    });

    test('a snapshot cursor on a query without orderBy positions by document name', async () => {
      const b = await snapshot('b');
      expect(ids(await scores.startAfter(b).get())).toEqual(['c', 'd', 'e', 'nos']);
    });

    test('a snapshot cursor on a descending query', async () => {
      const c = await snapshot('c');
      expect(ids(await scores.orderBy('score', 'desc').startAfter(c).get())).toEqual(['b', 'a']);
    });

    test('a snapshot cursor combined with an inequality filter', async () => {
      const c = await snapshot('c');
      expect(ids(await scores.where('score', '<', 40).startAt(c).get())).toEqual(['c', 'd']);
    });
  });

  describe('pagination', () => {
    async function paginate(query: Query, pageSize: number): Promise<string[][]> {
      const pages: string[][] = [];
      let page = await query.limit(pageSize).get();
      while (!page.empty) {
        pages.push(ids(page));
        const last = page.docs[page.docs.length - 1];
        page = await query.startAfter(last).limit(pageSize).get();
      }
      return pages;
    }

    test('startAfter the last snapshot walks a whole collection once, ties included', async () => {
      const docs = Object.fromEntries(
        Array.from({ length: 23 }, (_, i) => [`p${String(i).padStart(2, '0')}`, { group: i % 4 }]),
      );
      await seedCollection(db, 'pages', docs);
      const expected = Object.keys(docs).sort((x, y) => docs[x]!.group - docs[y]!.group || (x < y ? -1 : 1));

      const pages = await paginate(db.collection('pages').orderBy('group'), 5);
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      expect(pages.flat()).toEqual(expected);
    });

    test('paginating by document id alone', async () => {
      await seedCollection(
        db,
        'pages',
        Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`id${i}`, { i }])),
      );
      const pages = await paginate(db.collection('pages').orderBy(FieldPath.documentId()), 4);
      expect(pages).toEqual([
        ['id0', 'id1', 'id2', 'id3'],
        ['id4', 'id5', 'id6', 'id7'],
        ['id8', 'id9'],
      ]);
    });

    test('offset skips results after the cursor', async () => {
      expect(ids(await byScore.startAt(20).offset(1).limit(2).get())).toEqual(['c', 'd']);
    });

    test('limitToLast with an end cursor takes the last results before it, in query order', async () => {
      expect(ids(await byScore.endBefore(40).limitToLast(2).get())).toEqual(['c', 'd']);
      expect(ids(await byScore.startAfter(10).limitToLast(10).get())).toEqual(['b', 'c', 'd', 'e']);
    });
  });
});
