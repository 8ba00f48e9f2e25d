import { describe, expect, test } from 'vitest';
import { commitWrites } from './commit.ts';
import { DocumentStore } from './store.ts';
import { TransactionManager, type TransactionSettings } from './transactions.ts';
import type { Value } from './types.ts';
import type { Write } from './writes.ts';

const DATABASE = 'projects/p/databases/(default)';
const A = `${DATABASE}/documents/c/a`;
const B = `${DATABASE}/documents/c/b`;
const int = (n: number): Value => ({ integerValue: String(n) });
const set = (name: string, n: number): Write => ({ update: { name, fields: { n: int(n) } } });

function setup(settings: Partial<TransactionSettings> = {}) {
  const store = new DocumentStore();
  const transactions = new TransactionManager(store, { lockTimeoutMs: 2_000, idleTimeoutMs: 2_000, ...settings });
  commitWrites(store, DATABASE, [set(A, 0)]);
  return { store, transactions };
}

async function readN(transactions: TransactionManager, transaction: Buffer, name = A): Promise<number> {
  const { documents } = await transactions.openRead(DATABASE, { transaction }).getDocuments([name]);
  return Number(documents[0]?.fields.n?.integerValue ?? 0);
}

describe('read-write transactions', () => {
  test('concurrent read-modify-write increments queue on the lock and none is lost', async () => {
    const { store, transactions } = setup();
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        const id = transactions.begin(DATABASE);
        const n = await readN(transactions, id);
        await new Promise((resolve) => setImmediate(resolve));
        await transactions.commit(DATABASE, id, [set(A, n + 1)]);
      }),
    );
    expect(store.get(A)?.fields.n).toEqual(int(30));
  });

  test('a read that a non-transactional write made stale aborts the commit', async () => {
    const { store, transactions } = setup();
    const id = transactions.begin(DATABASE);
    await readN(transactions, id);
    commitWrites(store, DATABASE, [set(A, 100)]);
    await expect(transactions.commit(DATABASE, id, [set(A, 1)])).rejects.toMatchObject({ code: 10 });
    expect(store.get(A)?.fields.n).toEqual(int(100));
  });

  test('a document that joins a query result after the query (a phantom) aborts the commit', async () => {
    const { store, transactions } = setup();
    const id = transactions.begin(DATABASE);
    const query = (at: number | undefined) => store.documents(DATABASE, at);
    await transactions.openRead(DATABASE, { transaction: id }).runQuery(query);
    commitWrites(store, DATABASE, [set(B, 1)]);
    await expect(transactions.commit(DATABASE, id, [])).rejects.toMatchObject({ code: 10 });
  });

  test('a blind write waits for the lock of a transaction that read the document', async () => {
    const { store, transactions } = setup();
    const reader = transactions.begin(DATABASE);
    await readN(transactions, reader);
    const writer = transactions.begin(DATABASE);
    const blind = transactions.commit(DATABASE, writer, [set(A, 7)]);
    await transactions.commit(DATABASE, reader, [set(A, 1)]);
    await blind;
    expect(store.get(A)?.fields.n).toEqual(int(7));
  });

  test('a lock wait that times out aborts the waiting transaction and frees its locks', async () => {
    const { transactions } = setup({ lockTimeoutMs: 20 });
    const holder = transactions.begin(DATABASE);
    await readN(transactions, holder);
    const waiter = transactions.begin(DATABASE);
    await readN(transactions, waiter, B);
    await expect(readN(transactions, waiter)).rejects.toMatchObject({ code: 10 });
    const third = transactions.begin(DATABASE);
    await readN(transactions, third, B);
  });

  test('an idle transaction expires, freeing its locks; using it later says it expired', async () => {
    const { transactions } = setup({ idleTimeoutMs: 20 });
    const crashed = transactions.begin(DATABASE);
    await readN(transactions, crashed);
    const next = transactions.begin(DATABASE);
    await readN(transactions, next);
    await expect(transactions.commit(DATABASE, crashed, [])).rejects.toThrow(/transaction has expired/);
  });

  test('a retry ends the attempt it replaces', async () => {
    const { transactions } = setup({ lockTimeoutMs: 50 });
    const first = transactions.begin(DATABASE);
    await readN(transactions, first);
    const retry = transactions.begin(DATABASE, { readWrite: { retryTransaction: first } });
    await readN(transactions, retry);
    expect(() => transactions.rollback(DATABASE, first)).toThrow(/transaction has expired/);
  });

  test('a new transaction started by a read is reported and usable', async () => {
    const { transactions } = setup();
    const session = transactions.openRead(DATABASE, { newTransaction: {} });
    await session.getDocuments([A]);
    expect(session.newTransaction).toBeInstanceOf(Buffer);
    await transactions.commit(DATABASE, session.newTransaction!, [set(A, 1)]);
  });

  test('a transaction begun by a read that fails is ended, so its locks do not outlive the request', async () => {
    const { store, transactions } = setup({ lockTimeoutMs: 20 });
    const session = transactions.openRead(DATABASE, { newTransaction: {} });
    let calls = 0;
    const failingSecondRun = (at: number | undefined) => {
      if (++calls > 1) throw new Error('query failed');
      return store.documents(DATABASE, at);
    };
    await expect(session.runQuery(failingSecondRun)).rejects.toThrow('query failed');
    const next = transactions.begin(DATABASE);
    expect(await readN(transactions, next)).toBe(0);
  });
});

describe('read-only transactions and snapshot reads', () => {
  test('read at the snapshot taken when they begin, or at the read time given', async () => {
    const { store, transactions } = setup();
    const before = store.clock.readTime();
    const id = transactions.begin(DATABASE, { readOnly: {} });
    commitWrites(store, DATABASE, [set(A, 5)]);
    expect(await readN(transactions, id)).toBe(0);
    const { documents } = await transactions.openRead(DATABASE, { readTime: { seconds: Math.floor(before / 1e6), nanos: (before % 1e6) * 1000 } }).getDocuments([A]);
    expect(documents[0]?.fields.n).toEqual(int(0));
  });

  test('cannot write', async () => {
    const { transactions } = setup();
    const id = transactions.begin(DATABASE, { readOnly: {} });
    await expect(transactions.commit(DATABASE, id, [set(A, 1)])).rejects.toMatchObject({ code: 3 });
  });

  test('a read time beyond the kept versions is refused', () => {
    const { transactions } = setup();
    expect(() => transactions.openRead(DATABASE, { readTime: { seconds: 1000 } })).toThrow(expect.objectContaining({ code: 9 }));
  });
});

test('a transaction belongs to its database, and selectors are exclusive', () => {
  const { transactions } = setup();
  const id = transactions.begin(DATABASE);
  expect(() => transactions.openRead('projects/p/databases/other', { transaction: id })).toThrow(expect.objectContaining({ code: 3 }));
  expect(() => transactions.openRead(DATABASE, { transaction: id, readTime: { seconds: 1 } })).toThrow(expect.objectContaining({ code: 3 }));
});
