import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { useRawFirestore, wire } from './support/raw-firestore.ts';
import { seed, seedCollection } from './support/seed.ts';

describe('aggregation queries', () => {
  const { db, projectId, sdk } = useFirestore('aggregations');
  const { AggregateField } = sdk;
  const raw = useRawFirestore(projectId);
  const orders = db.collection('orders');

  async function seedOrders(): Promise<void> {
    await seedCollection(db, 'orders', {
      a: { total: 10, qty: 1, status: 'paid' },
      b: { total: 20, qty: 2, status: 'paid' },
      c: { total: 2.5, qty: 3, status: 'open' },
      d: { total: 'n/a', qty: 4, status: 'open' },
      e: { qty: 5, status: 'paid' },
    });
  }

  describe('count', () => {
    test('counts a collection and a filtered query', async () => {
      await seedOrders();
      expect((await orders.count().get()).data().count).toBe(5);
      expect((await orders.where('status', '==', 'paid').count().get()).data().count).toBe(3);
    });

    test('is 0 on an empty set', async () => {
      expect((await db.collection('none').count().get()).data().count).toBe(0);
      await seedOrders();
      expect((await orders.where('status', '==', 'refunded').count().get()).data().count).toBe(0);
    });

    test('honours limit and offset', async () => {
      await seedOrders();
      expect((await orders.limit(3).count().get()).data().count).toBe(3);
      expect((await orders.orderBy('qty').offset(1).limit(3).count().get()).data().count).toBe(3);
      expect((await orders.orderBy('qty').offset(4).count().get()).data().count).toBe(1);
    });

    test('counts only documents that have the orderBy field', async () => {
      await seedOrders();
      expect((await orders.orderBy('total').count().get()).data().count).toBe(4);
    });

    test('counts across a collection group', async () => {
      await seed(db, {
        'shops/s1/orders/x': { total: 1 },
        'shops/s2/orders/y': { total: 2 },
        'orders/z': { total: 3 },
      });
      expect((await db.collectionGroup('orders').count().get()).data().count).toBe(3);
    });
  });

  describe('sum and average', () => {
    test('sum of integers is an integer, average a double, skipping non-numbers and missing fields', async () => {
      await seedOrders();
      const snap = await orders.where('status', '==', 'paid').aggregate({
        total: AggregateField.sum('total'),
        avg: AggregateField.average('total'),
        qty: AggregateField.sum('qty'),
      }).get();
      expect(snap.data()).toEqual({ total: 30, avg: 15, qty: 8 });
    });

    test('sum and average over mixed integers and doubles', async () => {
      await seedOrders();
      const snap = await orders.aggregate({
        total: AggregateField.sum('total'),
        avg: AggregateField.average('total'),
      }).get();
      // 10 + 20 + 2.5; 'n/a' and the missing field are ignored.
      expect(snap.data().total).toBe(32.5);
      expect(snap.data().avg).toBeCloseTo(32.5 / 3, 10);
    });

    test('on an empty set sum is 0 and average is null', async () => {
      const snap = await db.collection('none').aggregate({
        total: AggregateField.sum('total'),
        avg: AggregateField.average('total'),
        count: AggregateField.count(),
      }).get();
      expect(snap.data()).toEqual({ total: 0, avg: null, count: 0 });
    });

    test('with no numeric values sum is 0 and average is null', async () => {
      await seedCollection(db, 'words', { a: { v: 'x' }, b: { v: true }, c: { other: 1 } });
      const snap = await db.collection('words').aggregate({
        total: AggregateField.sum('v'),
        avg: AggregateField.average('v'),
      }).get();
      expect(snap.data()).toEqual({ total: 0, avg: null });
    });

    test('average of integers can be fractional', async () => {
      await seedCollection(db, 'ints', { a: { v: 1 }, b: { v: 2 } });
      const snap = await db.collection('ints').aggregate({ avg: AggregateField.average('v') }).get();
      expect(snap.data().avg).toBe(1.5);
    });

    test('a whole-number double makes the sum a double', async () => {
      await raw.commit([
        { update: { name: raw.name('mixed/a'), fields: { v: wire.int(1) } } },
        { update: { name: raw.name('mixed/b'), fields: { v: wire.double(2) } } },
      ]);
      const responses = await raw.serverStream<{ result?: { aggregateFields?: Record<string, unknown> } }>(
        'runAggregationQuery',
        {
          parent: `${raw.database}/documents`,
          structuredAggregationQuery: {
            structuredQuery: { from: [{ collectionId: 'mixed' }] },
            aggregations: [
              { alias: 'total', sum: { field: { fieldPath: 'v' } } },
              { alias: 'avg', avg: { field: { fieldPath: 'v' } } },
              { alias: 'n', count: {} },
            ],
          },
        },
      );
      const fields = responses.find((r) => r.result)?.result?.aggregateFields;
      expect(fields?.total).toMatchObject(wire.double(3));
      expect(fields?.avg).toMatchObject(wire.double(1.5));
      expect(fields?.n).toMatchObject(wire.int(2));
    });

    test('NaN in the values makes sum and average NaN', async () => {
      await seedCollection(db, 'nan', { a: { v: 1 }, b: { v: Number.NaN } });
      const snap = await db.collection('nan').aggregate({
        total: AggregateField.sum('v'),
        avg: AggregateField.average('v'),
      }).get();
      expect(snap.data().total).toBeNaN();
      expect(snap.data().avg).toBeNaN();
    });

    test('aggregations combine with filters on other fields and nested paths', async () => {
      await seedCollection(db, 'carts', {
        a: { owner: { country: 'FR' }, amount: { value: 3 } },
        b: { owner: { country: 'FR' }, amount: { value: 4 } },
        c: { owner: { country: 'DE' }, amount: { value: 100 } },
      });
      const snap = await db.collection('carts').where('owner.country', '==', 'FR').aggregate({
        count: AggregateField.count(),
        total: AggregateField.sum('amount.value'),
        avg: AggregateField.average('amount.value'),
      }).get();
      expect(snap.data()).toEqual({ count: 2, total: 7, avg: 3.5 });
    });
  });
});
