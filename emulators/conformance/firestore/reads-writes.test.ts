import { describe, expect, test } from 'vitest';
import { CLIENT_NAMES, useFirestore } from './support/clients.ts';
import { Code, expectRejectedWith } from './support/grpc-status.ts';

describe.each(CLIENT_NAMES)('reads and writes with %s', (client) => {
  const { db, sdk } = useFirestore('reads-writes', client);

  describe('create, get, set, update, delete', () => {
    test('create stores the document and stamps create and update time with the commit time', async () => {
      const ref = db.doc('users/alice');
      const written = await ref.create({ name: 'Alice', age: 30 });

      const snap = await ref.get();
      expect(snap.exists).toBe(true);
      expect(snap.id).toBe('alice');
      expect(snap.data()).toEqual({ name: 'Alice', age: 30 });
      expect(snap.createTime?.isEqual(written.writeTime)).toBe(true);
      expect(snap.updateTime?.isEqual(written.writeTime)).toBe(true);
    });

    test('get of a missing document reports it missing with a read time', async () => {
      const snap = await db.doc('users/nobody').get();
      expect(snap.exists).toBe(false);
      expect(snap.data()).toBeUndefined();
      expect(snap.createTime).toBeUndefined();
      expect(snap.updateTime).toBeUndefined();
      expect(snap.readTime.toMillis()).toBeGreaterThan(0);
    });

    test('create on an existing document fails with ALREADY_EXISTS and leaves it unchanged', async () => {
      const ref = db.doc('users/alice');
      await ref.create({ v: 1 });
      await expectRejectedWith(ref.create({ v: 2 }), Code.ALREADY_EXISTS);
      expect((await ref.get()).data()).toEqual({ v: 1 });
    });

    test('set replaces the whole document', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: 1, b: { c: 2 } });
      await ref.set({ d: 3 });
      expect((await ref.get()).data()).toEqual({ d: 3 });
    });

    test('set keeps the create time and advances the update time', async () => {
      const ref = db.doc('users/alice');
      const first = await ref.set({ v: 1 });
      const second = await ref.set({ v: 2 });
      const snap = await ref.get();
      expect(snap.createTime?.isEqual(first.writeTime)).toBe(true);
      expect(snap.updateTime?.isEqual(second.writeTime)).toBe(true);
      // Timestamp.valueOf() is a string that sorts chronologically.
      expect(second.writeTime.valueOf() > first.writeTime.valueOf()).toBe(true);
    });

    test('a write that leaves the document unchanged keeps its update time', async () => {
      const ref = db.doc('users/alice');
      const first = await ref.set({ v: 1, m: { a: true } });
      const again = await ref.set({ m: { a: true }, v: 1 });
      const merged = await ref.set({ v: 1 }, { merge: true });
      expect(again.writeTime.isEqual(first.writeTime)).toBe(true);
      expect(merged.writeTime.isEqual(first.writeTime)).toBe(true);
      expect((await ref.get()).updateTime?.isEqual(first.writeTime)).toBe(true);
    });

    test('a key with dots in set is one literal field name, not a path', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ 'a.b': 1 });
      const snap = await ref.get();
      expect(snap.data()).toEqual({ 'a.b': 1 });
      expect(snap.get(new sdk.FieldPath('a.b'))).toBe(1);
      expect(snap.get('a.b')).toBeUndefined();
    });

    test('update changes only the named fields', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: 1, b: 2 });
      await ref.update({ b: 3, c: 4 });
      expect((await ref.get()).data()).toEqual({ a: 1, b: 3, c: 4 });
    });

    test('update on a missing document fails with NOT_FOUND and creates nothing', async () => {
      const ref = db.doc('users/ghost');
      await expectRejectedWith(ref.update({ a: 1 }), Code.NOT_FOUND);
      expect((await ref.get()).exists).toBe(false);
    });

    test('delete removes the document and succeeds on a missing one', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: 1 });
      await ref.delete();
      expect((await ref.get()).exists).toBe(false);
      const again = await ref.delete();
      expect(again.writeTime.toMillis()).toBeGreaterThan(0);
    });

    test('delete with exists: true on a missing document fails with NOT_FOUND', async () => {
      await expectRejectedWith(db.doc('users/ghost').delete({ exists: true }), Code.NOT_FOUND);
    });

    test('a deleted document can be created again with a fresh create time', async () => {
      const ref = db.doc('users/alice');
      const first = await ref.create({ v: 1 });
      await ref.delete();
      const second = await ref.create({ v: 2 });
      const snap = await ref.get();
      expect(snap.data()).toEqual({ v: 2 });
      expect(snap.createTime?.isEqual(second.writeTime)).toBe(true);
      expect(snap.createTime?.isEqual(first.writeTime)).toBe(false);
    });
  });

  describe('lastUpdateTime preconditions', () => {
    test('update with a stale lastUpdateTime fails with FAILED_PRECONDITION', async () => {
      const ref = db.doc('users/alice');
      const stale = (await ref.set({ v: 1 })).writeTime;
      await ref.set({ v: 2 });
      await expectRejectedWith(ref.update({ v: 3 }, { lastUpdateTime: stale }), Code.FAILED_PRECONDITION);
      expect((await ref.get()).data()).toEqual({ v: 2 });
    });

    test('update with the current lastUpdateTime succeeds', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ v: 1 });
      const current = (await ref.get()).updateTime;
      if (!current) throw new Error('an existing document has an update time');
      await ref.update({ v: 2 }, { lastUpdateTime: current });
      expect((await ref.get()).data()).toEqual({ v: 2 });
    });

    test('delete with a stale lastUpdateTime fails with FAILED_PRECONDITION and keeps the document', async () => {
      const ref = db.doc('users/alice');
      const stale = (await ref.set({ v: 1 })).writeTime;
      await ref.update({ v: 2 });
      await expectRejectedWith(ref.delete({ lastUpdateTime: stale }), Code.FAILED_PRECONDITION);
      expect((await ref.get()).data()).toEqual({ v: 2 });
    });

    test('delete with the current lastUpdateTime deletes', async () => {
      const ref = db.doc('users/alice');
      const current = (await ref.set({ v: 1 })).writeTime;
      await ref.delete({ lastUpdateTime: current });
      expect((await ref.get()).exists).toBe(false);
    });
  });

  describe('set with merge', () => {
    test('merge: true deep-merges maps and keeps untouched fields', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: 1, nested: { x: 1, y: 2 } });
      await ref.set({ b: 2, nested: { y: 3, z: 4 } }, { merge: true });
      expect((await ref.get()).data()).toEqual({ a: 1, b: 2, nested: { x: 1, y: 3, z: 4 } });
    });

    test('merge: true on a missing document creates it', async () => {
      const ref = db.doc('users/new');
      await ref.set({ a: 1 }, { merge: true });
      expect((await ref.get()).data()).toEqual({ a: 1 });
    });

    test('merge: true with an explicitly empty map sets that field to the empty map', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ m: { keep: true }, other: 1 });
      await ref.set({ m: {}, e: {} }, { merge: true });
      expect((await ref.get()).data()).toEqual({ m: {}, e: {}, other: 1 });
    });

    test('mergeFields writes only the listed fields, nested ones included', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: 1, b: 2, nested: { x: 1, y: 2 } });
      await ref.set({ a: 10, b: 20, nested: { x: 100, y: 200 } }, { mergeFields: ['a', 'nested.x'] });
      expect((await ref.get()).data()).toEqual({ a: 10, b: 2, nested: { x: 100, y: 2 } });
    });

    test('mergeFields naming a map replaces that map whole', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ nested: { x: 1, y: 2 }, other: 1 });
      await ref.set({ nested: { z: 3 } }, { mergeFields: ['nested'] });
      expect((await ref.get()).data()).toEqual({ nested: { z: 3 }, other: 1 });
    });

    test('mergeFields with a FieldPath whose segment contains a dot', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ 'dotted.key': 1, plain: 1 });
      await ref.set({ 'dotted.key': 2, plain: 2 }, { mergeFields: [new sdk.FieldPath('dotted.key')] });
      expect((await ref.get()).data()).toEqual({ 'dotted.key': 2, plain: 1 });
    });
  });

  describe('nested field paths', () => {
    test("update('a.b.c', …) changes one leaf and keeps its siblings", async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: { b: { c: 1, d: 2 }, e: 3 }, f: 4 });
      await ref.update('a.b.c', 10);
      expect((await ref.get()).data()).toEqual({ a: { b: { c: 10, d: 2 }, e: 3 }, f: 4 });
    });

    test('update of an intermediate map replaces it', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: { b: { c: 1, d: 2 }, e: 3 } });
      await ref.update({ 'a.b': { z: 9 } });
      expect((await ref.get()).data()).toEqual({ a: { b: { z: 9 }, e: 3 } });
    });

    test('update of a nested path creates the missing intermediate maps', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ keep: 1 });
      await ref.update('x.y.z', 'deep');
      expect((await ref.get()).data()).toEqual({ keep: 1, x: { y: { z: 'deep' } } });
    });

    test('update of a nested path through a non-map field replaces that field with a map', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ a: 5 });
      await ref.update('a.b', 1);
      expect((await ref.get()).data()).toEqual({ a: { b: 1 } });
    });

    test('a FieldPath segment with dots addresses one field named with dots', async () => {
      const ref = db.doc('users/alice');
      await ref.set({ 'dotted.name': { x: 1, y: 2 }, dotted: { name: 'untouched' } });
      await ref.update(new sdk.FieldPath('dotted.name', 'x'), 5);
      const snap = await ref.get();
      expect(snap.data()).toEqual({ 'dotted.name': { x: 5, y: 2 }, dotted: { name: 'untouched' } });
      expect(snap.get(new sdk.FieldPath('dotted.name', 'x'))).toBe(5);
      expect(snap.get('dotted.name')).toBe('untouched');
    });

    test('field names that need quoting (spaces, unicode, backticks) round-trip', async () => {
      const ref = db.doc('users/alice');
      const odd = { 'with space': 1, 'ünïcödé': 2, 'back`tick': 3, '123': 4 };
      await ref.set(odd);
      await ref.update(new sdk.FieldPath('with space'), 10, new sdk.FieldPath('back`tick'), 30);
      expect((await ref.get()).data()).toEqual({ ...odd, 'with space': 10, 'back`tick': 30 });
    });
  });

  describe('getAll', () => {
    test('returns snapshots in request order, missing documents included', async () => {
      await db.doc('items/a').set({ n: 1 });
      await db.doc('items/c').set({ n: 3 });
      const snaps = await db.getAll(db.doc('items/c'), db.doc('items/missing'), db.doc('items/a'));
      expect(snaps.map((s) => [s.id, s.exists, s.data()])).toEqual([
        ['c', true, { n: 3 }],
        ['missing', false, undefined],
        ['a', true, { n: 1 }],
      ]);
    });

    test('a field mask returns only the masked fields, nested paths included', async () => {
      await db.doc('items/a').set({ x: 1, y: 2, n: { keep: 1, drop: 2 } });
      const [snap] = await db.getAll(db.doc('items/a'), { fieldMask: ['x', 'n.keep', 'absent'] });
      expect(snap?.data()).toEqual({ x: 1, n: { keep: 1 } });
    });

    test('an empty field mask returns the document with no fields', async () => {
      await db.doc('items/a').set({ x: 1 });
      const [snap] = await db.getAll(db.doc('items/a'), { fieldMask: [] });
      expect(snap?.exists).toBe(true);
      expect(snap?.data()).toEqual({});
    });
  });
});
