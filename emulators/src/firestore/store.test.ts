import { expect, test } from 'vitest';
import { CommitClock } from './clock.ts';
import { DocumentStore, VERSION_RETENTION_MICROS, type CommitEvent } from './store.ts';
import type { StoredDocument } from './types.ts';

const P = 'projects/p/databases/(default)';
const Q = 'projects/q/databases/(default)';
const doc = (name: string, n: number): StoredDocument => ({
  name,
  fields: { n: { integerValue: String(n) } },
  createTime: { seconds: '1' },
  updateTime: { seconds: '1' },
});

function storeAt(times: number[]): DocumentStore {
  return new DocumentStore(new CommitClock(() => times.shift() ?? 0));
}

test('commit times strictly increase even when the wall clock stalls or goes back, and stay above read times', () => {
  const clock = new CommitClock(() => 100);
  expect([clock.commitTime(), clock.commitTime(), clock.readTime(), clock.commitTime()]).toEqual([100, 101, 101, 102]);
  const backwards = new CommitClock((() => { const t = [200, 150]; return () => t.shift()!; })());
  expect(backwards.commitTime()).toBe(200);
  expect(backwards.commitTime()).toBe(201);
});

test('reads at a past time see the version then in force', () => {
  const store = storeAt([]);
  const name = `${P}/documents/c/d`;
  store.apply(P, 10, [{ name, after: doc(name, 1) }]);
  store.apply(P, 20, [{ name, after: doc(name, 2) }]);
  store.apply(P, 30, [{ name }]);
  expect(store.get(name, 5)).toBeUndefined();
  expect(store.get(name, 19)?.fields.n?.integerValue).toBe('1');
  expect(store.get(name, 20)?.fields.n?.integerValue).toBe('2');
  expect(store.get(name)).toBeUndefined();
  expect(store.lastChangeTime(name)).toBe(30);
});

test('old versions are dropped once a newer one is older than the retention', () => {
  const store = storeAt([]);
  const name = `${P}/documents/c/d`;
  store.apply(P, 10, [{ name, after: doc(name, 1) }]);
  store.apply(P, 20, [{ name, after: doc(name, 2) }]);
  store.apply(P, 20 + VERSION_RETENTION_MICROS + 1, [{ name, after: doc(name, 3) }]);
  expect(store.get(name, 15)).toBeUndefined();
  expect(store.get(name, 25)?.fields.n?.integerValue).toBe('2');
});

test('projects are isolated and cleared alone; listeners see every change, clears included', () => {
  const store = storeAt([50]);
  const events: CommitEvent[] = [];
  store.onCommit((event) => events.push(event));
  const inP = `${P}/documents/c/d`;
  const inQ = `${Q}/documents/c/d`;
  store.apply(P, 10, [{ name: inP, after: doc(inP, 1) }]);
  store.apply(Q, 11, [{ name: inQ, after: doc(inQ, 1) }]);
  expect(store.documents(P).map((d) => d.name)).toEqual([inP]);
  store.clear(P);
  expect(store.get(inP)).toBeUndefined();
  expect(store.get(inQ)).toBeDefined();
  expect(events.map((e) => [e.database, e.changes.map((c) => [c.before?.name, c.after?.name])])).toEqual([
    [P, [[undefined, inP]]],
    [Q, [[undefined, inQ]]],
    [P, [[inP, undefined]]],
  ]);
});

test('a write that changed nothing leaves no version and no event; a failing listener harms no one', () => {
  const store = storeAt([]);
  const name = `${P}/documents/c/d`;
  const document = doc(name, 1);
  const seen: number[] = [];
  store.onCommit(() => {
    throw new Error('broken listener');
  });
  const unsubscribe = store.onCommit((event) => seen.push(event.changes.length));
  const originalError = console.error;
  console.error = () => {};
  try {
    store.apply(P, 10, [{ name, after: document }]);
    store.apply(P, 20, [{ name, after: document }]);
  } finally {
    console.error = originalError;
  }
  unsubscribe();
  store.apply(P, 30, [{ name }]);
  expect(seen).toEqual([1]);
  expect(store.lastChangeTime(name)).toBe(30);
});

test('documents lists only what exists below a prefix', () => {
  const store = storeAt([]);
  const names = [`${P}/documents/a/1`, `${P}/documents/a/1/b/2`, `${P}/documents/ab/3`];
  store.apply(P, 10, names.map((name) => ({ name, after: doc(name, 0) })));
  expect(store.documents(P, undefined, `${P}/documents/a/`).map((d) => d.name).sort()).toEqual(names.slice(0, 2));
});
