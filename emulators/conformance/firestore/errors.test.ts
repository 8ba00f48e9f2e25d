import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { Code, expectRejectedWith } from './support/grpc-status.ts';
import { useRawFirestore, wire, type Value } from './support/raw-firestore.ts';

const ONE_MIB = 1024 * 1024;

describe('limits and malformed requests', () => {
  const { db, projectId } = useFirestore('errors');
  const raw = useRawFirestore(projectId);

  /** Proves the server still answers after an error: a write and a read of it. */
  async function expectStillServing(): Promise<void> {
    await raw.setDocument('health/check', { ok: wire.bool(true) });
    expect((await raw.getDocument('health/check')).fields?.ok).toMatchObject(wire.bool(true));
  }

  describe('document size', () => {
    test('a document over 1 MiB is rejected with INVALID_ARGUMENT and not stored', async () => {
      const ref = db.doc('limits/big');
      await expectRejectedWith(ref.set({ s: 'x'.repeat(ONE_MIB) }), Code.INVALID_ARGUMENT);
      expect((await ref.get()).exists).toBe(false);
    });

    test('a document just under 1 MiB is accepted', async () => {
      const ref = db.doc('limits/big');
      await ref.set({ s: 'x'.repeat(ONE_MIB - 600) });
      expect(((await ref.get()).get('s') as string).length).toBe(ONE_MIB - 600);
    });

    test('an update that grows a document past 1 MiB is rejected and leaves it unchanged', async () => {
      const ref = db.doc('limits/growing');
      await ref.set({ a: 'x'.repeat(600_000) });
      await expectRejectedWith(ref.update({ b: 'y'.repeat(600_000) }), Code.INVALID_ARGUMENT);
      expect(Object.keys((await ref.get()).data() ?? {})).toEqual(['a']);
    });
  });

  describe('raw gRPC requests', () => {
    test('a missing document is NOT_FOUND for GetDocument', async () => {
      await expectRejectedWith(raw.getDocument('nowhere/nothing'), Code.NOT_FOUND);
    });

    test('a resource name that is not a document name is INVALID_ARGUMENT', async () => {
      await expectRejectedWith(raw.unary('getDocument', { name: 'not-a-resource-name' }), Code.INVALID_ARGUMENT);
      await expectRejectedWith(raw.unary('getDocument', { name: raw.name('only-a-collection') }), Code.INVALID_ARGUMENT);
      await expectRejectedWith(
        raw.unary('getDocument', { name: 'projects//databases/(default)/documents/a/b' }),
        Code.INVALID_ARGUMENT,
      );
      await expectStillServing();
    });

    test('a write to a collection path is INVALID_ARGUMENT', async () => {
      await expectRejectedWith(raw.commit([{ update: { name: raw.name('a/b/c'), fields: {} } }]), Code.INVALID_ARGUMENT);
      await expectStillServing();
    });

    test('a write naming another database than the request is INVALID_ARGUMENT', async () => {
      const foreign = 'projects/some-other-project/databases/(default)/documents/a/b';
      await expectRejectedWith(raw.commit([{ update: { name: foreign, fields: {} } }]), Code.INVALID_ARGUMENT);
      await expectStillServing();
    });

    test('an invalid field path in an update mask is INVALID_ARGUMENT', async () => {
      for (const fieldPath of ['a..b', '', '.a', 'a.', 'a.`b']) {
        await expectRejectedWith(
          raw.commit([
            { update: { name: raw.name('paths/doc'), fields: { a: wire.int(1) } }, updateMask: { fieldPaths: [fieldPath] } },
          ]),
          Code.INVALID_ARGUMENT,
        );
      }
      await expectStillServing();
    });

    // document.proto: field names matching __.*__ are reserved; names are 1 to 1,500 UTF-8 bytes.
    test.each([
      ['reserved (__.*__)', '__secret__'],
      ['empty', ''],
      ['longer than 1,500 bytes', 'é'.repeat(751)],
    ])('a field name that is %s is INVALID_ARGUMENT', async (_label, fieldName) => {
      await expectRejectedWith(raw.setDocument('paths/forbidden', { [fieldName]: wire.int(1) }), Code.INVALID_ARGUMENT);
      await expectRejectedWith(
        raw.setDocument('paths/forbidden', { ok: wire.map({ [fieldName]: wire.int(1) }) }),
        Code.INVALID_ARGUMENT,
      );
      await expectStillServing();
    });

    test('a field name of exactly 1,500 bytes is accepted', async () => {
      const name = 'é'.repeat(750);
      await raw.setDocument('paths/long', { [name]: wire.int(1) });
      expect(Object.keys((await raw.getDocument('paths/long')).fields ?? {})).toEqual([name]);
    });

    test.each<[string, Value]>([
      ['a reference that is not a document name', { referenceValue: 'not/a/document/reference/name' }],
      ['a latitude out of range', { geoPointValue: { latitude: 91, longitude: 0 } }],
      ['a longitude out of range', { geoPointValue: { latitude: 0, longitude: 181 } }],
      ['a timestamp after year 9999', { timestampValue: { seconds: '253402300800', nanos: 0 } }],
      ['a timestamp with nanos out of range', { timestampValue: { seconds: '1', nanos: 1_000_000_000 } }],
      ['an array directly inside an array', wire.array(wire.int(1), wire.array(wire.int(2)))],
    ])('a garbage value (%s) is INVALID_ARGUMENT', async (_label, value) => {
      await expectRejectedWith(raw.setDocument('values/bad', { v: value }), Code.INVALID_ARGUMENT);
      await expectRejectedWith(raw.setDocument('values/bad', { m: wire.map({ nested: wire.array(value) }) }), Code.INVALID_ARGUMENT);
      await expectRejectedWith(raw.getDocument('values/bad'), Code.NOT_FOUND);
      await expectStillServing();
    });

    test('a query on an invalid field path is INVALID_ARGUMENT', async () => {
      await expectRejectedWith(
        raw.serverStream('runQuery', {
          parent: `${raw.database}/documents`,
          structuredQuery: {
            from: [{ collectionId: 'c' }],
            where: { fieldFilter: { field: { fieldPath: 'a..b' }, op: 'EQUAL', value: wire.int(1) } },
          },
        }),
        Code.INVALID_ARGUMENT,
      );
      await expectStillServing();
    });

    test('a query with a negative limit or offset is INVALID_ARGUMENT', async () => {
      const query = (extra: object) =>
        raw.serverStream('runQuery', {
          parent: `${raw.database}/documents`,
          structuredQuery: { from: [{ collectionId: 'c' }], ...extra },
        });
      await expectRejectedWith(query({ limit: { value: -1 } }), Code.INVALID_ARGUMENT);
      await expectRejectedWith(query({ offset: -1 }), Code.INVALID_ARGUMENT);
      await expectStillServing();
    });

    test('a query under a malformed parent is INVALID_ARGUMENT', async () => {
      await expectRejectedWith(
        raw.serverStream('runQuery', { parent: 'garbage', structuredQuery: { from: [{ collectionId: 'c' }] } }),
        Code.INVALID_ARGUMENT,
      );
      await expectStillServing();
    });

    test('BatchGetDocuments with a malformed name is INVALID_ARGUMENT', async () => {
      await expectRejectedWith(
        raw.serverStream('batchGetDocuments', { database: raw.database, documents: ['garbage'] }),
        Code.INVALID_ARGUMENT,
      );
      await expectStillServing();
    });
  });
});
