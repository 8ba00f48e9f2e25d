import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { Code, expectRejectedWith } from './support/grpc-status.ts';

describe('atomic commits (WriteBatch)', () => {
  const { db, sdk } = useFirestore('batches');

  async function seed(): Promise<void> {
    await db.doc('accounts/existing').set({ balance: 10, tags: ['a'] });
    await db.doc('accounts/doomed').set({ balance: 1 });
  }

  async function expectUntouched(): Promise<void> {
    const [existing, doomed, fresh] = await db.getAll(
      db.doc('accounts/existing'),
      db.doc('accounts/doomed'),
      db.doc('accounts/fresh'),
    );
    expect(existing?.data()).toEqual({ balance: 10, tags: ['a'] });
    expect(doomed?.data()).toEqual({ balance: 1 });
    expect(fresh?.exists).toBe(false);
  }

  test('applies every write with one commit time', async () => {
    await seed();
    const results = await db
      .batch()
      .create(db.doc('accounts/fresh'), { balance: 0 })
      .update(db.doc('accounts/existing'), { balance: sdk.FieldValue.increment(5) })
      .delete(db.doc('accounts/doomed'))
      .set(db.doc('accounts/other'), { balance: 7 })
      .commit();

    expect(results).toHaveLength(4);
    const commitTime = results[0]?.writeTime;
    expect(results.every((r) => commitTime && r.writeTime.isEqual(commitTime))).toBe(true);
    const [fresh, existing, doomed, other] = await db.getAll(
      db.doc('accounts/fresh'),
      db.doc('accounts/existing'),
      db.doc('accounts/doomed'),
      db.doc('accounts/other'),
    );
    expect(fresh?.data()).toEqual({ balance: 0 });
    expect(existing?.data()).toEqual({ balance: 15, tags: ['a'] });
    expect(doomed?.exists).toBe(false);
    expect(other?.data()).toEqual({ balance: 7 });
    expect(existing?.updateTime?.isEqual(commitTime!)).toBe(true);
  });

  test('a create on an existing document fails the batch with ALREADY_EXISTS and applies nothing', async () => {
    await seed();
    const batch = db
      .batch()
      .set(db.doc('accounts/fresh'), { balance: 100 })
      .update(db.doc('accounts/existing'), { balance: 0, tags: sdk.FieldValue.arrayUnion('b') })
      .delete(db.doc('accounts/doomed'))
      .create(db.doc('accounts/existing'), { balance: -1 });
    await expectRejectedWith(batch.commit(), Code.ALREADY_EXISTS);
    await expectUntouched();
  });

  test('an update on a missing document fails the batch with NOT_FOUND and applies nothing', async () => {
    await seed();
    const batch = db
      .batch()
      .update(db.doc('accounts/existing'), { balance: sdk.FieldValue.increment(1) })
      .create(db.doc('accounts/fresh'), { balance: 1 })
      .update(db.doc('accounts/missing'), { balance: 1 })
      .delete(db.doc('accounts/doomed'));
    await expectRejectedWith(batch.commit(), Code.NOT_FOUND);
    await expectUntouched();
    expect((await db.doc('accounts/missing').get()).exists).toBe(false);
  });

  test('a stale lastUpdateTime precondition fails the batch with FAILED_PRECONDITION and applies nothing', async () => {
    await seed();
    const stale = (await db.doc('accounts/doomed').get()).updateTime!;
    // Rewriting identical data would keep the update time, so change it and change it back.
    await db.doc('accounts/doomed').set({ balance: 2 });
    await db.doc('accounts/doomed').set({ balance: 1 });
    const batch = db
      .batch()
      .set(db.doc('accounts/fresh'), { balance: 3 })
      .delete(db.doc('accounts/doomed'), { lastUpdateTime: stale });
    await expectRejectedWith(batch.commit(), Code.FAILED_PRECONDITION);
    await expectUntouched();
  });

  test('later writes in a batch see the effect of earlier ones on the same document', async () => {
    const ref = db.doc('accounts/seq');
    await db
      .batch()
      .set(ref, { balance: 1, note: 'first' })
      .update(ref, { balance: sdk.FieldValue.increment(2) })
      .update(ref, { note: 'second' })
      .commit();
    expect((await ref.get()).data()).toEqual({ balance: 3, note: 'second' });
  });

  test('a create after a delete of the same document in one batch succeeds', async () => {
    await seed();
    await db.batch().delete(db.doc('accounts/doomed')).create(db.doc('accounts/doomed'), { reborn: true }).commit();
    expect((await db.doc('accounts/doomed').get()).data()).toEqual({ reborn: true });
  });

  test('an empty batch commits', async () => {
    expect(await db.batch().commit()).toEqual([]);
  });
});
