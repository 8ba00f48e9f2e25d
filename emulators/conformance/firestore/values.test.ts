import { describe, expect, test } from 'vitest';
import { useFirestore } from './support/clients.ts';
import { useRawFirestore, wire } from './support/raw-firestore.ts';

describe('value types', () => {
  const { db, projectId, sdk } = useFirestore('values');
  const { GeoPoint, Timestamp } = sdk;
  const raw = useRawFirestore(projectId);

  test('every value type round-trips through the official client', async () => {
    const data = {
      nil: null,
      yes: true,
      no: false,
      int: 42,
      negative: -7,
      maxSafe: Number.MAX_SAFE_INTEGER,
      double: 3.25,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      negInf: Number.NEGATIVE_INFINITY,
      timestamp: new Timestamp(1_700_000_000, 123_456_000),
      beforeEpoch: new Timestamp(-86_400, 500_000_000),
      string: 'héllo 😀 end',
      empty: '',
      bytes: Buffer.from([0, 1, 2, 254, 255]),
      reference: db.doc('other/doc'),
      geo: new GeoPoint(48.8566, 2.3522),
      array: [1, 'two', { three: [3, { four: [4] }] }, null],
      emptyArray: [],
      map: { nested: { deeper: { deepest: true } }, list: [1, 2] },
      emptyMap: {},
    };
    await db.doc('types/all').set(data);
    const read = (await db.doc('types/all').get()).data();
    expect(read).toEqual({ ...data, reference: expect.anything() });
    expect(read?.reference.path).toBe('other/doc');
    expect((read?.timestamp as InstanceType<typeof Timestamp>).isEqual(data.timestamp)).toBe(true);
    expect(Object.is(read?.nan, Number.NaN)).toBe(true);
  });

  test('-0 is written as a double and reads back as a double zero', async () => {
    await db.doc('types/zero').set({ z: -0 });
    const z = (await raw.getDocument('types/zero')).fields?.z;
    // Whether the sign of zero survives is not specified; that it stays a double is.
    expect(z?.doubleValue === 0).toBe(true);
    expect(z?.integerValue).toBeUndefined();
  });

  test('64-bit integers keep every digit', async () => {
    await raw.setDocument('types/int64', {
      max: wire.int('9223372036854775807'),
      min: wire.int('-9223372036854775808'),
      odd: wire.int('9007199254740993'),
    });
    const fields = (await raw.getDocument('types/int64')).fields;
    expect(fields?.max).toMatchObject(wire.int('9223372036854775807'));
    expect(fields?.min).toMatchObject(wire.int('-9223372036854775808'));
    expect(fields?.odd).toMatchObject(wire.int('9007199254740993'));
  });

  test('timestamps are stored with microsecond precision, rounded down', async () => {
    await raw.setDocument('types/ts', { t: { timestampValue: { seconds: '1700000000', nanos: 123_456_789 } } });
    const t = (await raw.getDocument('types/ts')).fields?.t?.timestampValue;
    expect({ seconds: String(t?.seconds), nanos: t?.nanos ?? 0 }).toEqual({ seconds: '1700000000', nanos: 123_456_000 });
  });

  test('a reference value keeps its full resource name', async () => {
    await db.doc('types/ref').set({ r: db.doc('rooms/a/messages/b') });
    const r = (await raw.getDocument('types/ref')).fields?.r;
    expect(r?.referenceValue).toBe(raw.name('rooms/a/messages/b'));
  });
});
