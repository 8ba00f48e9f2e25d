import { describe, expect, test } from 'vitest';
import { CLIENT_NAMES, useFirestore } from './support/clients.ts';
import { Code, expectRejectedWith } from './support/grpc-status.ts';

/**
 * The clients retry ABORTED transactions with exponential backoff and give up after 5 attempts
 * by default. Contention between many writers on one document is exactly what may exhaust
 * that, whatever concurrency control the server uses, so the contention test allows more.
 */
const CONTENDED_MAX_ATTEMPTS = 50;
const CONCURRENT_TRANSACTIONS = 50;

describe.each(CLIENT_NAMES)('transactions with %s', (client) => {
  const { db, sdk } = useFirestore('transactions', client);

  test(`${CONCURRENT_TRANSACTIONS} concurrent read-modify-write increments lose no update`, { timeout: 120_000 }, async () => {
    const ref = db.doc('counters/shared');
    await ref.set({ n: 0 });
    await Promise.all(
      Array.from({ length: CONCURRENT_TRANSACTIONS }, () =>
        db.runTransaction(
          async (tx) => {
            const snap = await tx.get(ref);
            tx.update(ref, { n: (snap.get('n') as number) + 1 });
          },
          { maxAttempts: CONTENDED_MAX_ATTEMPTS },
        ),
      ),
    );
    expect((await ref.get()).get('n')).toBe(CONCURRENT_TRANSACTIONS);
  });

  test('a transaction whose read went stale is ABORTED and retried, keeping both writes', async () => {
    const ref = db.doc('counters/stale');
    await ref.set({ n: 0, outside: false });
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts += 1;
      const snap = await tx.get(ref);
      if (attempts === 1) {
        // A write from outside the transaction after its read: committing would lose it.
        await db.doc('counters/stale').update({ n: sdk.FieldValue.increment(100), outside: true });
      }
      tx.update(ref, { n: (snap.get('n') as number) + 1 });
    });
    expect(attempts).toBe(2);
    expect((await ref.get()).data()).toEqual({ n: 101, outside: true });
  });

  test('a transaction is retried when a document it only read changed, even if it writes elsewhere', async () => {
    const price = db.doc('catalog/price');
    const order = db.doc('orders/o1');
    await price.set({ amount: 10 });
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts += 1;
      const snap = await tx.get(price);
      if (attempts === 1) await db.doc('catalog/price').update({ amount: 12 });
      tx.set(order, { charged: snap.get('amount') as number });
    });
    expect(attempts).toBe(2);
    expect((await order.get()).data()).toEqual({ charged: 12 });
  });

  test('a transaction that read a document as missing is retried when it is created meanwhile', async () => {
    const ref = db.doc('claims/slot');
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts += 1;
      const snap = await tx.get(ref);
      if (attempts === 1) await db.doc('claims/slot').create({ by: 'outside' });
      if (snap.exists) tx.update(ref, { seenBy: 'transaction' });
      else tx.create(ref, { by: 'transaction' });
    });
    expect(attempts).toBe(2);
    expect((await ref.get()).data()).toEqual({ by: 'outside', seenBy: 'transaction' });
  });

  test('the callback result is returned and its writes commit atomically', async () => {
    const from = db.doc('accounts/from');
    const to = db.doc('accounts/to');
    await from.set({ balance: 10 });
    await to.set({ balance: 0 });
    const moved = await db.runTransaction(async (tx) => {
      const [a, b] = await tx.getAll(from, to);
      const amount = 4;
      tx.update(from, { balance: (a?.get('balance') as number) - amount });
      tx.update(to, { balance: (b?.get('balance') as number) + amount });
      tx.create(db.doc('accounts/log'), { amount });
      return amount;
    });
    expect(moved).toBe(4);
    const [a, b, log] = await db.getAll(from, to, db.doc('accounts/log'));
    expect([a?.get('balance'), b?.get('balance'), log?.get('amount')]).toEqual([6, 4, 4]);
    expect(a?.updateTime?.isEqual(b!.updateTime!)).toBe(true);
  });

  test('getAll in a transaction reports missing documents and honours a field mask', async () => {
    await db.doc('items/a').set({ x: 1, y: 2 });
    const result = await db.runTransaction(async (tx) => {
      const snaps = await tx.getAll(db.doc('items/a'), db.doc('items/missing'), { fieldMask: ['x'] });
      tx.set(db.doc('items/missing'), { created: true });
      return snaps.map((s) => [s.id, s.exists, s.data()]);
    });
    expect(result).toEqual([
      ['a', true, { x: 1 }],
      ['missing', false, undefined],
    ]);
    expect((await db.doc('items/missing').get()).data()).toEqual({ created: true });
  });

  test('a query read in a transaction returns the matching documents', async () => {
    await db.doc('tasks/a').set({ done: false, p: 2 });
    await db.doc('tasks/b').set({ done: true, p: 1 });
    await db.doc('tasks/c').set({ done: false, p: 3 });
    const closed = await db.runTransaction(async (tx) => {
      const open = await tx.get(db.collection('tasks').where('done', '==', false).orderBy('p'));
      for (const doc of open.docs) tx.update(doc.ref, { done: true });
      return open.docs.map((d) => d.id);
    });
    expect(closed).toEqual(['a', 'c']);
    const all = await db.collection('tasks').where('done', '==', true).get();
    expect(all.size).toBe(3);
  });

  test('an aggregation read in a transaction counts the documents', async () => {
    await db.doc('tasks/a').set({ p: 1 });
    await db.doc('tasks/b').set({ p: 2 });
    const count = await db.runTransaction(async (tx) => {
      const snap = await tx.get(db.collection('tasks').count());
      tx.set(db.doc('meta/tasks'), { count: snap.data().count });
      return snap.data().count;
    });
    expect(count).toBe(2);
    expect((await db.doc('meta/tasks').get()).data()).toEqual({ count: 2 });
  });

  test('a read-only transaction reads documents and queries', async () => {
    await db.doc('items/a').set({ v: 1 });
    await db.doc('items/b').set({ v: 2 });
    const seen = await db.runTransaction(
      async (tx) => {
        const a = await tx.get(db.doc('items/a'));
        const all = await tx.get(db.collection('items').orderBy('v', 'desc'));
        return { a: a.data(), ids: all.docs.map((d) => d.id) };
      },
      { readOnly: true },
    );
    expect(seen).toEqual({ a: { v: 1 }, ids: ['b', 'a'] });
  });

  test('a read-only transaction reads one consistent snapshot and does not hold back writers', async () => {
    const ref = db.doc('items/snapshot');
    await ref.set({ v: 1 });
    let attempts = 0;
    const [first, second] = await db.runTransaction(
      async (tx) => {
        attempts += 1;
        const before = await tx.get(ref);
        await db.doc('items/snapshot').set({ v: 2 });
        const after = await tx.get(ref);
        return [before.get('v') as number, after.get('v') as number];
      },
      { readOnly: true },
    );
    expect(attempts).toBe(1);
    expect([first, second]).toEqual([1, 1]);
    expect((await ref.get()).data()).toEqual({ v: 2 });
  });

  test('a read-only transaction at a past readTime sees the documents as they were', async () => {
    const ref = db.doc('items/versioned');
    const first = await ref.set({ v: 1 });
    await ref.set({ v: 2 });
    const old = await db.runTransaction((tx) => tx.get(ref), { readOnly: true, readTime: first.writeTime });
    expect(old.data()).toEqual({ v: 1 });
    expect((await ref.get()).data()).toEqual({ v: 2 });
  });

  test('an error thrown by the callback rolls back, is not retried and is rethrown', async () => {
    const ref = db.doc('items/a');
    await ref.set({ v: 1 });
    let attempts = 0;
    const failure = new Error('business rule violated');
    await expect(
      db.runTransaction(async (tx) => {
        attempts += 1;
        await tx.get(ref);
        tx.update(ref, { v: 2 });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(attempts).toBe(1);
    expect((await ref.get()).data()).toEqual({ v: 1 });
  });

  test('a create on an existing document fails with ALREADY_EXISTS without retrying', async () => {
    const ref = db.doc('items/a');
    await ref.set({ v: 1 });
    let attempts = 0;
    await expectRejectedWith(
      db.runTransaction(async (tx) => {
        attempts += 1;
        await tx.get(db.doc('items/other'));
        tx.set(db.doc('items/other'), { v: 1 });
        tx.create(ref, { v: 2 });
      }),
      Code.ALREADY_EXISTS,
    );
    expect(attempts).toBe(1);
    expect((await db.doc('items/other').get()).exists).toBe(false);
    expect((await ref.get()).data()).toEqual({ v: 1 });
  });

  test('a transaction that only writes commits', async () => {
    await db.runTransaction(async (tx) => {
      tx.set(db.doc('items/w'), { v: 1 });
    });
    expect((await db.doc('items/w').get()).data()).toEqual({ v: 1 });
  });
});
