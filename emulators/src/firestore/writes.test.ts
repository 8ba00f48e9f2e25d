import { describe, expect, test } from 'vitest';
import { microsToTimestamp } from './clock.ts';
import type { StoredDocument, Value } from './types.ts';
import { applyWrite, writeTarget, type Write } from './writes.ts';

const DATABASE = 'projects/p/databases/(default)';
const NAME = `${DATABASE}/documents/c/d`;
const EARLIER = 1_000_000;
const NOW = 2_000_000;
const int = (n: number): Value => ({ integerValue: String(n) });
const map = (fields: Record<string, Value>): Value => ({ mapValue: { fields } });

const existing: StoredDocument = {
  name: NAME,
  fields: { a: int(1), nested: map({ x: int(1), y: int(2) }) },
  createTime: microsToTimestamp(EARLIER),
  updateTime: microsToTimestamp(EARLIER),
};

// null stands for "no document" (undefined would pick the default).
const apply = (write: Write, current: StoredDocument | null = existing) => applyWrite(write, NAME, current ?? undefined, NOW);
const code = (c: number) => expect.objectContaining({ code: c });

describe('update', () => {
  test('without a mask replaces every field and keeps the create time', () => {
    const { document, result } = apply({ update: { name: NAME, fields: { b: int(2) } } });
    expect(document).toEqual({ name: NAME, fields: { b: int(2) }, createTime: existing.createTime, updateTime: microsToTimestamp(NOW) });
    expect(result).toEqual({ updateTime: microsToTimestamp(NOW) });
  });

  test('with a mask changes only masked paths; a masked path missing from the update deletes the field', () => {
    const { document } = apply({
      update: { name: NAME, fields: { nested: map({ y: int(20), z: int(30) }) } },
      updateMask: { fieldPaths: ['nested.y', 'nested.z', 'nested.x', 'a'] },
    });
    expect(document?.fields).toEqual({ nested: map({ y: int(20), z: int(30) }) });
  });

  test('a masked path through a non-map replaces it with a map', () => {
    const { document } = apply({ update: { name: NAME, fields: { a: map({ b: int(5) }) } }, updateMask: { fieldPaths: ['a.b'] } });
    expect(document?.fields.a).toEqual(map({ b: int(5) }));
  });

  test('a mask with a path and its prefix is INVALID_ARGUMENT', () => {
    expect(() => apply({ update: { name: NAME, fields: {} }, updateMask: { fieldPaths: ['a', 'a.b'] } })).toThrow(code(3));
  });

  test('creates a missing document with create time = update time = commit time', () => {
    const { document } = apply({ update: { name: NAME, fields: {} }, updateMask: { fieldPaths: [] } }, null);
    expect(document).toEqual({ name: NAME, fields: {}, createTime: microsToTimestamp(NOW), updateTime: microsToTimestamp(NOW) });
  });

  test('that changes nothing keeps the previous update time (WriteResult semantics)', () => {
    const { document, result } = apply({ update: { name: NAME, fields: existing.fields } });
    expect(document).toBe(existing);
    expect(result.updateTime).toEqual(existing.updateTime);
  });

  test('an integer replaced by an equal double is a change', () => {
    const { document } = apply({ update: { name: NAME, fields: { ...existing.fields, a: { doubleValue: 1 } } } });
    expect(document?.updateTime).toEqual(microsToTimestamp(NOW));
  });

  test('stored values are canonical: timestamps truncated to microseconds, no valueType hints', () => {
    const { document } = apply({
      update: { name: NAME, fields: { t: { timestampValue: { seconds: 5, nanos: 123_456_789 }, valueType: 'timestampValue' } } },
    });
    expect(document?.fields).toEqual({ t: { timestampValue: { seconds: '5', nanos: 123_456_000 } } });
  });

  test('transforms apply after the update, in order, and report their results', () => {
    const { document, result } = apply({
      update: { name: NAME, fields: { a: int(10) } },
      updateMask: { fieldPaths: ['a'] },
      updateTransforms: [
        { fieldPath: 'a', increment: int(5) },
        { fieldPath: 'stamp', setToServerValue: 'REQUEST_TIME' },
      ],
    });
    expect(document?.fields.a).toEqual(int(15));
    expect(result.transformResults).toEqual([int(15), { timestampValue: microsToTimestamp(NOW) }]);
  });
});

describe('delete and transform-only writes', () => {
  test('delete removes the document; its result has no update time', () => {
    expect(apply({ delete: NAME })).toEqual({ name: NAME, document: undefined, result: {} });
  });

  test('a transform write creates a missing document', () => {
    const { document } = apply({ transform: { document: NAME, fieldTransforms: [{ fieldPath: 'n', increment: int(1) }] } }, null);
    expect(document?.fields).toEqual({ n: int(1) });
  });
});

describe('preconditions', () => {
  test('exists: true on a missing document is NOT_FOUND', () => {
    expect(() => apply({ delete: NAME, currentDocument: { exists: true } }, null)).toThrow(code(5));
  });

  test('exists: false on an existing document is ALREADY_EXISTS', () => {
    expect(() => apply({ update: { name: NAME, fields: {} }, currentDocument: { exists: false } })).toThrow(code(6));
  });

  test('update_time must match the stored version exactly, else FAILED_PRECONDITION', () => {
    expect(apply({ delete: NAME, currentDocument: { updateTime: existing.updateTime } }).document).toBeUndefined();
    expect(() => apply({ delete: NAME, currentDocument: { updateTime: microsToTimestamp(EARLIER + 1) } })).toThrow(code(9));
    expect(() => apply({ delete: NAME, currentDocument: { updateTime: existing.updateTime } }, null)).toThrow(code(9));
  });
});

describe('limits and malformed writes', () => {
  test('a document over 1 MiB is INVALID_ARGUMENT', () => {
    const big = 'x'.repeat(1_048_576);
    expect(() => apply({ update: { name: NAME, fields: { big: { stringValue: big } } } })).toThrow(/exceeds the maximum allowed size/);
  });

  test('a value with no type, a nested array or a bad field path is INVALID_ARGUMENT', () => {
    expect(() => apply({ update: { name: NAME, fields: { a: {} } } })).toThrow(code(3));
    expect(() => apply({ update: { name: NAME, fields: { a: { arrayValue: { values: [{ arrayValue: {} }] } } } } })).toThrow(code(3));
    expect(() => apply({ update: { name: NAME, fields: {} }, updateMask: { fieldPaths: ['a..b'] } })).toThrow(code(3));
  });

  test('field names must be 1 to 1,500 bytes and not reserved, except a vector\'s __type__', () => {
    const withField = (fields: Record<string, Value>) => () => apply({ update: { name: NAME, fields } });
    expect(withField({ __secret__: int(1) })).toThrow(code(3));
    expect(withField({ ok: map({ '': int(1) }) })).toThrow(code(3));
    expect(withField({ ['é'.repeat(751)]: int(1) })).toThrow(code(3));
    expect(withField({ ['é'.repeat(750)]: int(1) })).not.toThrow();
    expect(() => apply({ update: { name: NAME, fields: {} }, updateMask: { fieldPaths: ['a.`__x__`'] } })).toThrow(code(3));
    const vector = map({ __type__: { stringValue: '__vector__' }, value: { arrayValue: { values: [{ doubleValue: 1 }] } } });
    expect(withField({ embedding: vector })).not.toThrow();
  });

  test('a write must name exactly one operation, in the request database', () => {
    expect(() => writeTarget({}, DATABASE)).toThrow(code(3));
    expect(() => writeTarget({ delete: NAME, update: { name: NAME } }, DATABASE)).toThrow(code(3));
    expect(() => writeTarget({ delete: 'projects/p/databases/other/documents/c/d' }, DATABASE)).toThrow(code(3));
    expect(() => writeTarget({ delete: `${DATABASE}/documents/c` }, DATABASE)).toThrow(code(3));
    expect(writeTarget({ delete: NAME }, DATABASE)).toBe(NAME);
  });
});
