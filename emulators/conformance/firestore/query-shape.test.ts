import { beforeEach, describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { ids, paths, seed, seedCollection } from './support/seed.ts';

describe('limit, offset and projection', () => {
  const { db } = useFirestore('query-shape');
  const items = db.collection('items');

  beforeEach(() =>
    seedCollection(db, 'items', {
      a: { n: 1, label: 'one', meta: { color: 'red', size: 1 } },
      b: { n: 2, label: 'two', meta: { color: 'blue', size: 2 } },
      c: { n: 3, label: 'three' },
      d: { n: 4, label: 'four', meta: { color: 'red' } },
      e: { n: 5, label: 'five' },
    }),
  );

  test('limit keeps the first results in order', async () => {
    expect(ids(await items.orderBy('n', 'desc').limit(2).get())).toEqual(['e', 'd']);
    expect(ids(await items.limit(10).get())).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('limitToLast keeps the last results and returns them in query order', async () => {
    expect(ids(await items.orderBy('n').limitToLast(2).get())).toEqual(['d', 'e']);
    expect(ids(await items.orderBy('n', 'desc').limitToLast(2).get())).toEqual(['b', 'a']);
  });

  test('offset skips results, before limit applies', async () => {
    expect(ids(await items.orderBy('n').offset(2).get())).toEqual(['c', 'd', 'e']);
    expect(ids(await items.orderBy('n').offset(1).limit(2).get())).toEqual(['b', 'c']);
    expect(ids(await items.orderBy('n').offset(10).get())).toEqual([]);
  });

  test('offset applies after filters', async () => {
    expect(ids(await items.where('n', '>', 1).orderBy('n').offset(2).get())).toEqual(['d', 'e']);
  });

  test('select returns only the selected fields, nested ones included', async () => {
    const snap = await items.where('n', '<=', 2).select('label', 'meta.color').get();
    expect(snap.docs.map((d) => [d.id, d.data()])).toEqual([
      ['a', { label: 'one', meta: { color: 'red' } }],
      ['b', { label: 'two', meta: { color: 'blue' } }],
    ]);
  });

  test('select still returns documents that lack the selected fields', async () => {
    const snap = await items.select('meta.size').get();
    expect(snap.docs.map((d) => [d.id, d.data()])).toEqual([
      ['a', { meta: { size: 1 } }],
      ['b', { meta: { size: 2 } }],
      ['c', {}],
      ['d', {}],
      ['e', {}],
    ]);
  });

  test('select() with no fields returns document references only', async () => {
    const snap = await items.orderBy('n').limit(2).select().get();
    expect(snap.docs.map((d) => [d.id, d.data()])).toEqual([
      ['a', {}],
      ['b', {}],
    ]);
    expect(snap.docs[0]?.updateTime).toBeDefined();
  });

  test('a query on an empty or missing collection returns nothing', async () => {
    const snap = await db.collection('nothing-here').get();
    expect(snap.empty).toBe(true);
    expect(snap.size).toBe(0);
  });
});

describe('collection group queries', () => {
  const { db } = useFirestore('collection-group');

  beforeEach(() =>
    seed(db, {
      'comments/root': { score: 1, author: 'ann' },
      'posts/p1/comments/c1': { score: 5, author: 'bob' },
      'posts/p1/comments/c2': { score: 9, author: 'ann' },
      'posts/p2/comments/c3': { score: 7, author: 'cid' },
      'users/u1/posts/x/comments/deep': { score: 6, author: 'ann' },
      'users/u1/comments-archive/old': { score: 100, author: 'ann' },
      'posts/p1/comment/singular': { score: 100, author: 'ann' },
      'commentsx/y': { score: 100, author: 'ann' },
    }),
  );

  test('finds every collection with the id, at any depth, and no other', async () => {
    const snap = await db.collectionGroup('comments').get();
    expect(paths(snap).sort()).toEqual([
      'comments/root',
      'posts/p1/comments/c1',
      'posts/p1/comments/c2',
      'posts/p2/comments/c3',
      'users/u1/posts/x/comments/deep',
    ]);
  });

  test('orders by full document path by default', async () => {
    expect(paths(await db.collectionGroup('comments').get())).toEqual([
      'comments/root',
      'posts/p1/comments/c1',
      'posts/p1/comments/c2',
      'posts/p2/comments/c3',
      'users/u1/posts/x/comments/deep',
    ]);
  });

  test('applies filters, orderings and limits across collections', async () => {
    const query = db.collectionGroup('comments').where('author', '==', 'ann').orderBy('score', 'desc');
    expect(paths(await query.get())).toEqual(['posts/p1/comments/c2', 'users/u1/posts/x/comments/deep', 'comments/root']);
    expect(paths(await query.limit(1).get())).toEqual(['posts/p1/comments/c2']);
  });

  test('supports range filters and cursors', async () => {
    const query = db.collectionGroup('comments').where('score', '>=', 5).orderBy('score');
    expect(paths(await query.get())).toEqual([
      'posts/p1/comments/c1',
      'users/u1/posts/x/comments/deep',
      'posts/p2/comments/c3',
      'posts/p1/comments/c2',
    ]);
    expect(paths(await query.startAfter(6).get())).toEqual(['posts/p2/comments/c3', 'posts/p1/comments/c2']);
  });

  test('partitions of a collection group cover every document exactly once, in order', async () => {
    const partitions = [];
    for await (const partition of db.collectionGroup('comments').getPartitions(3)) partitions.push(partition);
    expect(partitions.length).toBeGreaterThanOrEqual(1);
    expect(partitions.length).toBeLessThanOrEqual(3);
    const covered: string[] = [];
    for (const partition of partitions) covered.push(...paths(await partition.toQuery().get()));
    expect(covered).toEqual([
      'comments/root',
      'posts/p1/comments/c1',
      'posts/p1/comments/c2',
      'posts/p2/comments/c3',
      'users/u1/posts/x/comments/deep',
    ]);
  });

  test('a collection group with no documents returns nothing', async () => {
    expect((await db.collectionGroup('nothing').get()).empty).toBe(true);
  });
});
