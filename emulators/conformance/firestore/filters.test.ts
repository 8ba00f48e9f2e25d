import { beforeEach, describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { ids, seed, seedCollection } from './support/seed.ts';

describe('query filters', () => {
  const { db, sdk } = useFirestore('filters');
  const { Filter, FieldPath } = sdk;
  const people = db.collection('people');

  beforeEach(() =>
    seedCollection(db, 'people', {
      ann: { age: 30, address: { city: 'Paris', zip: '75001' }, tags: ['a', 'b'], nick: null, score: 1 },
      bob: { age: 25, address: { city: 'Lyon' }, tags: ['b', 'c'], nick: 'bobby', score: 2.5 },
      cid: { age: 35, address: { city: 'Paris' }, tags: [], nick: 'c', score: 'high' },
      dan: { age: '40', address: 'nowhere', tags: 'a', score: Number.NaN },
      eve: { name: 'eve' },
    }),
  );

  describe('equality', () => {
    test('on a nested field path', async () => {
      expect(ids(await people.where('address.city', '==', 'Paris').get())).toEqual(['ann', 'cid']);
    });

    test('== null matches null values only, not missing fields', async () => {
      expect(ids(await people.where('nick', '==', null).get())).toEqual(['ann']);
    });

    test('!= null matches fields that exist and are not null', async () => {
      expect(ids(await people.where('nick', '!=', null).get())).toEqual(['bob', 'cid']);
    });

    test('== NaN matches NaN', async () => {
      expect(ids(await people.where('score', '==', Number.NaN).get())).toEqual(['dan']);
    });

    test('on a whole map compares every entry', async () => {
      expect(ids(await people.where('address', '==', { city: 'Lyon' }).get())).toEqual(['bob']);
      expect(ids(await people.where('address', '==', { city: 'Paris' }).get())).toEqual(['cid']);
    });

    test('on a whole array compares elements in order', async () => {
      expect(ids(await people.where('tags', '==', ['a', 'b']).get())).toEqual(['ann']);
      expect(ids(await people.where('tags', '==', ['b', 'a']).get())).toEqual([]);
    });

    test('several equalities are ANDed', async () => {
      expect(ids(await people.where('address.city', '==', 'Paris').where('age', '==', 35).get())).toEqual(['cid']);
    });

    test('on the document id', async () => {
      expect(ids(await people.where(FieldPath.documentId(), '==', 'bob').get())).toEqual(['bob']);
      expect(ids(await people.where(FieldPath.documentId(), 'in', ['eve', 'ann', 'zed']).get())).toEqual(['ann', 'eve']);
    });
  });

  describe('ranges', () => {
    test('compare only values of the same type', async () => {
      // dan's age is the string '40': numbers and strings never compare.
      expect(ids(await people.where('age', '>', 28).get())).toEqual(['ann', 'cid']);
      expect(ids(await people.where('age', '>=', '').get())).toEqual(['dan']);
    });

    test('results are ordered by the inequality field, then by name', async () => {
      expect(ids(await people.where('age', '>=', 25).where('age', '<', 35).get())).toEqual(['bob', 'ann']);
    });

    test('on the document id', async () => {
      expect(ids(await people.where(FieldPath.documentId(), '>=', 'bob').where(FieldPath.documentId(), '<', 'dan').get())).toEqual([
        'bob',
        'cid',
      ]);
    });
  });

  describe('in, not-in and !=', () => {
    test('in matches any listed value, null included', async () => {
      expect(ids(await people.where('age', 'in', [25, 35, '40']).get())).toEqual(['bob', 'cid', 'dan']);
      expect(ids(await people.where('nick', 'in', [null, 'c']).get())).toEqual(['ann', 'cid']);
    });

    test('not-in excludes the listed values, missing fields and nulls, ordered by the field', async () => {
      expect(ids(await people.where('age', 'not-in', [30]).get())).toEqual(['bob', 'cid', 'dan']);
      expect(ids(await people.where('nick', 'not-in', ['bobby']).get())).toEqual(['cid']);
    });

    test('!= excludes the value, missing fields and nulls, ordered by the field across types', async () => {
      expect(ids(await people.where('age', '!=', 30).get())).toEqual(['bob', 'cid', 'dan']);
      expect(ids(await people.where('nick', '!=', 'c').get())).toEqual(['bob']);
    });
  });

  describe('arrays', () => {
    test('array-contains matches array fields holding the value', async () => {
      expect(ids(await people.where('tags', 'array-contains', 'b').get())).toEqual(['ann', 'bob']);
      // dan's tags is the string 'a', not an array.
      expect(ids(await people.where('tags', 'array-contains', 'a').get())).toEqual(['ann']);
    });

    test('array-contains-any matches any of the values, each document once', async () => {
      expect(ids(await people.where('tags', 'array-contains-any', ['a', 'b', 'c']).get())).toEqual(['ann', 'bob']);
      expect(ids(await people.where('tags', 'array-contains-any', ['c', 'zzz']).get())).toEqual(['bob']);
    });

    test('array-contains matches maps and numbers by value', async () => {
      await seedCollection(db, 'lists', {
        one: { items: [{ k: 1 }, 2] },
        two: { items: [{ k: 1, extra: true }, 2.5] },
      });
      const lists = db.collection('lists');
      expect(ids(await lists.where('items', 'array-contains', { k: 1 }).get())).toEqual(['one']);
      expect(ids(await lists.where('items', 'array-contains', 2.5).get())).toEqual(['two']);
    });
  });

  describe('composite filters', () => {
    test('Filter.or unions its branches', async () => {
      const query = people.where(Filter.or(Filter.where('age', '==', 25), Filter.where('address.city', '==', 'Paris')));
      expect(ids(await query.get())).toEqual(['ann', 'bob', 'cid']);
    });

    test('Filter.and nested in Filter.or, ordered by its inequality field', async () => {
      const query = people.where(
        Filter.or(
          Filter.and(Filter.where('address.city', '==', 'Paris'), Filter.where('age', '<', 31)),
          Filter.where('nick', '==', 'bobby'),
        ),
      );
      // The server appends the inequality field (age) to the ordering, before __name__.
      expect(ids(await query.get())).toEqual(['bob', 'ann']);
    });

    test('Filter.or nested in Filter.and', async () => {
      const query = people.where(
        Filter.and(
          Filter.where('address.city', '==', 'Paris'),
          Filter.or(Filter.where('tags', 'array-contains', 'z'), Filter.where('age', '==', 35)),
        ),
      );
      expect(ids(await query.get())).toEqual(['cid']);
    });

    test('Filter.or with in and array-contains-any branches', async () => {
      const query = people.where(
        Filter.or(Filter.where('age', 'in', ['40', 35]), Filter.where('tags', 'array-contains-any', ['c'])),
      );
      expect(ids(await query.get())).toEqual(['bob', 'cid', 'dan']);
    });

    test('Filter.or whose branches match nothing returns nothing', async () => {
      const query = people.where(Filter.or(Filter.where('age', '==', 99), Filter.where('nick', '==', 'nobody')));
      expect(ids(await query.get())).toEqual([]);
    });
  });

  describe('collection scope', () => {
    test('a collection query returns only its direct children', async () => {
      await seed(db, {
        'people/ann/people/nested': { age: 30 },
        'other/x/people/elsewhere': { age: 30 },
      });
      expect(ids(await people.where('age', '==', 30).get())).toEqual(['ann']);
      expect(ids(await db.collection('people/ann/people').get())).toEqual(['nested']);
    });
  });
});
