import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { useRawFirestore, wire } from './support/raw-firestore.ts';

const INT64_MAX = '9223372036854775807';
const INT64_MIN = '-9223372036854775808';

describe('field transforms', () => {
  const { db, projectId, sdk } = useFirestore('transforms');
  const { FieldValue } = sdk;
  const raw = useRawFirestore(projectId);

  describe('serverTimestamp', () => {
    test('is the commit time, visible in the WriteResult and in a later get', async () => {
      const ref = db.doc('docs/ts');
      const written = await ref.set({ at: FieldValue.serverTimestamp(), label: 'x' });
      const snap = await ref.get();
      const at = snap.get('at') as InstanceType<typeof sdk.Timestamp>;
      expect(at).toBeInstanceOf(sdk.Timestamp);
      // The spec promises at least millisecond precision for REQUEST_TIME.
      expect(at.toMillis()).toBe(written.writeTime.toMillis());
      expect(snap.updateTime?.isEqual(written.writeTime)).toBe(true);
      expect(snap.get('label')).toBe('x');
    });

    test('works nested in a map, in create and in update', async () => {
      const ref = db.doc('docs/ts');
      const created = await ref.create({ meta: { createdAt: FieldValue.serverTimestamp(), by: 'a' } });
      const updated = await ref.update({ 'meta.updatedAt': FieldValue.serverTimestamp() });
      const snap = await ref.get();
      expect(snap.get('meta.by')).toBe('a');
      expect((snap.get('meta.createdAt') as InstanceType<typeof sdk.Timestamp>).toMillis()).toBe(created.writeTime.toMillis());
      expect((snap.get('meta.updatedAt') as InstanceType<typeof sdk.Timestamp>).toMillis()).toBe(updated.writeTime.toMillis());
    });

    test('all server timestamps of one batch are equal', async () => {
      const batch = db.batch();
      batch.set(db.doc('docs/one'), { at: FieldValue.serverTimestamp() });
      batch.set(db.doc('docs/two'), { at: FieldValue.serverTimestamp(), again: FieldValue.serverTimestamp() });
      await batch.commit();
      const [one, two] = await db.getAll(db.doc('docs/one'), db.doc('docs/two'));
      const at = one?.get('at') as InstanceType<typeof sdk.Timestamp>;
      expect(at.isEqual(two?.get('at'))).toBe(true);
      expect(at.isEqual(two?.get('again'))).toBe(true);
    });
  });

  describe('increment', () => {
    test('adds an integer to an integer and keeps the integer type', async () => {
      await db.doc('docs/n').set({ n: 5 });
      await db.doc('docs/n').update({ n: FieldValue.increment(3) });
      expect((await raw.getDocument('docs/n')).fields?.n).toMatchObject(wire.int(8));
    });

    test('adding a double to an integer gives a double', async () => {
      await db.doc('docs/n').set({ n: 5 });
      await db.doc('docs/n').update({ n: FieldValue.increment(0.5) });
      expect((await raw.getDocument('docs/n')).fields?.n).toMatchObject(wire.double(5.5));
    });

    test('adding an integer to a whole-number double keeps the double type', async () => {
      await raw.setDocument('docs/n', { n: wire.double(2) });
      await db.doc('docs/n').update({ n: FieldValue.increment(1) });
      expect((await raw.getDocument('docs/n')).fields?.n).toMatchObject(wire.double(3));
    });

    test('negative increments subtract', async () => {
      await db.doc('docs/n').set({ n: 10, d: 1.5 });
      await db.doc('docs/n').update({ n: FieldValue.increment(-12), d: FieldValue.increment(-0.25) });
      expect((await db.doc('docs/n').get()).data()).toEqual({ n: -2, d: 1.25 });
    });

    test('on a missing field sets the field to the operand, with its type', async () => {
      await db.doc('docs/n').set({ other: true });
      await db.doc('docs/n').update({ i: FieldValue.increment(4), d: FieldValue.increment(2.5) });
      const fields = (await raw.getDocument('docs/n')).fields;
      expect(fields?.i).toMatchObject(wire.int(4));
      expect(fields?.d).toMatchObject(wire.double(2.5));
      expect(fields?.other).toMatchObject(wire.bool(true));
    });

    test('on a missing document via set-merge creates it with the operand', async () => {
      await db.doc('docs/new').set({ counters: { views: FieldValue.increment(1) } }, { merge: true });
      expect((await db.doc('docs/new').get()).data()).toEqual({ counters: { views: 1 } });
    });

    test('on a non-number replaces the value with the operand', async () => {
      await db.doc('docs/n').set({ s: 'abc', b: true, m: { x: 1 }, nil: null });
      await db.doc('docs/n').update({
        s: FieldValue.increment(2),
        b: FieldValue.increment(1.5),
        m: FieldValue.increment(3),
        nil: FieldValue.increment(4),
      });
      expect((await db.doc('docs/n').get()).data()).toEqual({ s: 2, b: 1.5, m: 3, nil: 4 });
    });

    test('integer overflow saturates at the int64 bounds', async () => {
      await raw.setDocument('docs/n', { hi: wire.int('9223372036854775800'), lo: wire.int('-9223372036854775800') });
      await db.doc('docs/n').update({ hi: FieldValue.increment(100), lo: FieldValue.increment(-100) });
      const fields = (await raw.getDocument('docs/n')).fields;
      expect(fields?.hi).toMatchObject(wire.int(INT64_MAX));
      expect(fields?.lo).toMatchObject(wire.int(INT64_MIN));
    });
  });

  describe('arrayUnion', () => {
    test('appends, in order, only elements not already present', async () => {
      await db.doc('docs/a').set({ arr: [1, 2, 2, { a: 1 }, 'x'] });
      await db.doc('docs/a').update({ arr: FieldValue.arrayUnion(2, 3, 3, { a: 1 }, { a: 2 }, null) });
      expect((await db.doc('docs/a').get()).get('arr')).toEqual([1, 2, 2, { a: 1 }, 'x', 3, { a: 2 }, null]);
    });

    test('on a missing field or a non-array starts from the empty array', async () => {
      await db.doc('docs/a').set({ notArray: 'str' });
      await db.doc('docs/a').update({
        notArray: FieldValue.arrayUnion(1, 1, 2),
        missing: FieldValue.arrayUnion('a'),
      });
      expect((await db.doc('docs/a').get()).data()).toEqual({ notArray: [1, 2], missing: ['a'] });
    });

    test('treats an integer and an equal double as the same element', async () => {
      await db.doc('docs/a').set({ arr: [3] });
      await raw.commit([
        {
          update: { name: raw.name('docs/a') },
          updateMask: { fieldPaths: [] },
          updateTransforms: [{ fieldPath: 'arr', appendMissingElements: { values: [wire.double(3), wire.double(4)] } }],
        },
      ]);
      const arr = (await raw.getDocument('docs/a')).fields?.arr;
      expect(arr?.arrayValue?.values).toEqual([
        expect.objectContaining(wire.int(3)),
        expect.objectContaining(wire.double(4)),
      ]);
    });
  });

  describe('arrayRemove', () => {
    test('removes every equal element, maps and null included', async () => {
      await db.doc('docs/a').set({ arr: [1, 2, 2, { a: 1 }, 'x', null, { a: 2 }] });
      await db.doc('docs/a').update({ arr: FieldValue.arrayRemove(2, { a: 1 }, null, 'absent') });
      expect((await db.doc('docs/a').get()).get('arr')).toEqual([1, 'x', { a: 2 }]);
    });

    test('on a missing field or a non-array leaves the empty array', async () => {
      await db.doc('docs/a').set({ notArray: 5 });
      await db.doc('docs/a').update({ notArray: FieldValue.arrayRemove(5), missing: FieldValue.arrayRemove(1) });
      expect((await db.doc('docs/a').get()).data()).toEqual({ notArray: [], missing: [] });
    });

    test('removes integers matched by an equal double', async () => {
      await db.doc('docs/a').set({ arr: [1, 2, 1] });
      await raw.commit([
        {
          update: { name: raw.name('docs/a') },
          updateMask: { fieldPaths: [] },
          updateTransforms: [{ fieldPath: 'arr', removeAllFromArray: { values: [wire.double(1)] } }],
        },
      ]);
      expect((await db.doc('docs/a').get()).get('arr')).toEqual([2]);
    });
  });

  describe('FieldValue.delete()', () => {
    test('in update removes a top-level field', async () => {
      await db.doc('docs/d').set({ a: 1, b: 2 });
      await db.doc('docs/d').update({ a: FieldValue.delete() });
      expect((await db.doc('docs/d').get()).data()).toEqual({ b: 2 });
    });

    test('in update removes a nested field and keeps its siblings', async () => {
      await db.doc('docs/d').set({ m: { x: 1, y: 2 }, z: 3 });
      await db.doc('docs/d').update({ 'm.x': FieldValue.delete() });
      expect((await db.doc('docs/d').get()).data()).toEqual({ m: { y: 2 }, z: 3 });
    });

    test('of the last nested field leaves an empty map', async () => {
      await db.doc('docs/d').set({ m: { x: 1 } });
      await db.doc('docs/d').update({ 'm.x': FieldValue.delete() });
      expect((await db.doc('docs/d').get()).data()).toEqual({ m: {} });
    });

    test('of a field that does not exist is a no-op', async () => {
      await db.doc('docs/d').set({ a: 1 });
      await db.doc('docs/d').update({ absent: FieldValue.delete(), 'm.absent': FieldValue.delete() });
      expect((await db.doc('docs/d').get()).data()).toEqual({ a: 1 });
    });

    test('in set with merge removes plain and nested fields', async () => {
      await db.doc('docs/d').set({ a: 1, m: { x: 1, y: 2 }, keep: true });
      await db.doc('docs/d').set({ a: FieldValue.delete(), m: { x: FieldValue.delete() }, b: 2 }, { merge: true });
      expect((await db.doc('docs/d').get()).data()).toEqual({ m: { y: 2 }, keep: true, b: 2 });
    });

    test('in set with mergeFields removes the listed field', async () => {
      await db.doc('docs/d').set({ a: 1, b: 2 });
      await db.doc('docs/d').set({ a: FieldValue.delete(), b: 3 }, { mergeFields: ['a'] });
      expect((await db.doc('docs/d').get()).data()).toEqual({ b: 2 });
    });
  });

  describe('several transforms in one write', () => {
    test('apply together with the field updates of the same write', async () => {
      await db.doc('docs/m').set({ n: 1, arr: ['a'], untouched: 'u' });
      const written = await db.doc('docs/m').update({
        label: 'new',
        n: FieldValue.increment(1),
        arr: FieldValue.arrayUnion('b'),
        at: FieldValue.serverTimestamp(),
      });
      const snap = await db.doc('docs/m').get();
      expect(snap.get('at').toMillis()).toBe(written.writeTime.toMillis());
      expect({ ...snap.data(), at: undefined }).toEqual({ n: 2, arr: ['a', 'b'], untouched: 'u', label: 'new', at: undefined });
    });

    test('report their results in the commit response, in order', async () => {
      const response = await raw.commit([
        {
          update: { name: raw.name('docs/r'), fields: { base: wire.int(1) } },
          updateTransforms: [
            { fieldPath: 'at', setToServerValue: 'REQUEST_TIME' },
            { fieldPath: 'n', increment: wire.int(7) },
            { fieldPath: 'arr', appendMissingElements: { values: [wire.string('a')] } },
            { fieldPath: 'gone', removeAllFromArray: { values: [wire.string('a')] } },
          ],
        },
      ]);
      const results = response.writeResults?.[0]?.transformResults;
      expect(results).toHaveLength(4);
      expect(results?.[0]?.timestampValue).toBeDefined();
      expect(results?.[1]).toMatchObject(wire.int(7));
      expect(results?.[2]).toMatchObject(wire.null());
      expect(results?.[3]).toMatchObject(wire.null());

      const fields = (await raw.getDocument('docs/r')).fields;
      expect(fields?.at?.timestampValue).toEqual(results?.[0]?.timestampValue);
      expect(fields?.base).toMatchObject(wire.int(1));
      expect(fields?.n).toMatchObject(wire.int(7));
      expect(fields?.arr).toMatchObject(wire.array(wire.string('a')));
      expect(fields?.gone?.arrayValue?.values ?? []).toEqual([]);
    });
  });
});
