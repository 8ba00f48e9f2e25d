import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { useRawFirestore, wire, type Value } from './support/raw-firestore.ts';
import { ids, seedCollection } from './support/seed.ts';

describe('query ordering', () => {
  const { db, projectId, sdk } = useFirestore('ordering');
  const { FieldPath, GeoPoint, Timestamp } = sdk;
  const raw = useRawFirestore(projectId);

  test("orderBy follows Firestore's cross-type order and each type's own order", async () => {
    // Ids are unrelated to the values so that __name__ order cannot pass for value order.
    const expectedOrder: [string, unknown][] = [
      ['kiwi', null],
      ['fig', false],
      ['plum', true],
      ['date', Number.NaN],
      ['lime', Number.NEGATIVE_INFINITY],
      ['pear', -1],
      ['apple', 0],
      ['mango', 1.5],
      ['grape', 2],
      ['melon', Number.POSITIVE_INFINITY],
      ['olive', new Timestamp(1, 0)],
      ['cherry', new Timestamp(2_000_000_000, 5_000)],
      ['banana', ''],
      ['quince', 'a'],
      ['elder', 'ab'],
      ['nut', 'b'],
      ['yam', Buffer.from([0x01])],
      ['hazel', Buffer.from([0x01, 0x00])],
      ['jujube', Buffer.from([0x02])],
      ['acorn', Buffer.from([0xff])],
      ['rowan', db.doc('a/b')],
      ['sloe', db.doc('a/b/c/d')],
      ['tomato', db.doc('a-b/x')],
      ['ugli', db.doc('b/a')],
      ['voavanga', new GeoPoint(-10, 50)],
      ['walnut', new GeoPoint(10, -50)],
      ['xigua', new GeoPoint(10, 0)],
      ['zucchini', []],
      ['avocado', [1, 2]],
      ['bean', [1, 'a']],
      ['carrot', [2]],
      ['dill', {}],
      ['endive', { a: 1 }],
      ['fennel', { a: 1, b: 0 }],
      ['garlic', { a: 2 }],
      ['hops', { b: 0 }],
    ];
    await seedCollection(db, 'values', {
      ...Object.fromEntries(expectedOrder.map(([id, v]) => [id, { v }])),
      nofield: { other: 1 },
    });

    const ascending = ids(await db.collection('values').orderBy('v').get());
    expect(ascending).toEqual(expectedOrder.map(([id]) => id));
    const descending = ids(await db.collection('values').orderBy('v', 'desc').get());
    expect(descending).toEqual(expectedOrder.map(([id]) => id).reverse());
  });

  test('strings sort by their UTF-8 bytes, not by UTF-16 code units', async () => {
    await seedCollection(db, 'strings', {
      s1: { v: 'z' },
      s2: { v: '😀' }, // U+1F600: a surrogate pair in UTF-16, 4 bytes in UTF-8
      s3: { v: 'a' },
      s4: { v: '\uFFFD' },
      s5: { v: 'é' },
      s6: { v: 'ｚ' }, // U+FF5A
      s7: { v: 'A' },
    });
    const values = (await db.collection('strings').orderBy('v').get()).docs.map((d) => d.get('v') as string);
    expect(values).toEqual(['A', 'a', 'z', 'é', 'ｚ', '\uFFFD', '😀']);
  });

  test('documents lacking the orderBy field are left out', async () => {
    await seedCollection(db, 'partial', {
      a: { rank: 2 },
      b: { other: 1 },
      c: { rank: null },
      d: { rank: 1 },
      e: { nested: 'not a map' },
      f: { nested: { rank: 0 } },
    });
    expect(ids(await db.collection('partial').orderBy('rank').get())).toEqual(['c', 'd', 'a']);
    expect(ids(await db.collection('partial').orderBy('nested.rank').get())).toEqual(['f']);
  });

  test('ties are broken by document name in the direction of the last ordering', async () => {
    await seedCollection(db, 'ties', {
      a: { group: 1, sub: 'x' },
      b: { group: 1, sub: 'y' },
      c: { group: 2, sub: 'x' },
      d: { group: 1, sub: 'x' },
    });
    const ties = db.collection('ties');
    expect(ids(await ties.orderBy('group').get())).toEqual(['a', 'b', 'd', 'c']);
    expect(ids(await ties.orderBy('group', 'desc').get())).toEqual(['c', 'd', 'b', 'a']);
    expect(ids(await ties.orderBy('group').orderBy('sub', 'desc').get())).toEqual(['b', 'd', 'a', 'c']);
  });

  test('orderBy on the document id, ascending and descending', async () => {
    await seedCollection(db, 'byid', { m: { n: 1 }, b: { n: 2 }, x: { n: 3 }, 'b-2': { n: 4 } });
    const byId = db.collection('byid');
    expect(ids(await byId.orderBy(FieldPath.documentId()).get())).toEqual(['b', 'b-2', 'm', 'x']);
    expect(ids(await byId.orderBy(FieldPath.documentId(), 'desc').get())).toEqual(['x', 'm', 'b-2', 'b']);
    expect(ids(await byId.orderBy('n', 'desc').orderBy(FieldPath.documentId()).get())).toEqual(['b-2', 'x', 'b', 'm']);
  });

  describe('numbers compare across integer and double', () => {
    async function seedNumbers(): Promise<void> {
      const numbers: [string, Value][] = [
        ['d1', wire.double(1)],
        ['i1', wire.int(1)],
        ['d15', wire.double(1.5)],
        ['i2', wire.int(2)],
        ['dneg', wire.double(-0.5)],
        ['s1', wire.string('1')],
      ];
      await raw.commit(numbers.map(([id, n]) => ({ update: { name: raw.name(`nums/${id}`), fields: { n } } })));
    }

    test('1 == 1.0', async () => {
      await seedNumbers();
      expect(ids(await db.collection('nums').where('n', '==', 1).get())).toEqual(['d1', 'i1']);
      expect(ids(await db.collection('nums').where('n', 'in', [1, 7]).get())).toEqual(['d1', 'i1']);
      expect(ids(await db.collection('nums').where('n', '>=', 1).where('n', '<=', 1).get())).toEqual(['d1', 'i1']);
    });

    test('2 > 1.5 and -0.5 < 1', async () => {
      await seedNumbers();
      expect(ids(await db.collection('nums').where('n', '>', 1.5).get())).toEqual(['i2']);
      expect(ids(await db.collection('nums').where('n', '<', 1).get())).toEqual(['dneg']);
    });

    test('orderBy interleaves integers and doubles by value', async () => {
      await seedNumbers();
      expect(ids(await db.collection('nums').orderBy('n').get())).toEqual(['dneg', 'd1', 'i1', 'd15', 'i2', 's1']);
    });

    test('a double that is a whole number reads back as a double', async () => {
      await seedNumbers();
      expect((await raw.getDocument('nums/d1')).fields?.n).toMatchObject(wire.double(1));
      expect((await raw.getDocument('nums/i1')).fields?.n).toMatchObject(wire.int(1));
    });
  });
});
