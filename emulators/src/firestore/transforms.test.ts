import { describe, expect, test } from 'vitest';
import { applyFieldTransform, type FieldTransform } from './transforms.ts';
import type { Value } from './types.ts';

const int = (n: string | number): Value => ({ integerValue: String(n) });
const double = (n: number): Value => ({ doubleValue: n });
const NULL: Value = { nullValue: 'NULL_VALUE' };

function transform(current: Value | undefined, fieldTransform: Omit<FieldTransform, 'fieldPath'>) {
  const fields: Record<string, Value> = current === undefined ? {} : { f: current };
  const outcome = applyFieldTransform(fields, { fieldPath: 'f', ...fieldTransform }, 1_700_000_000_123_456);
  return { value: outcome.fields.f, result: outcome.result };
}

describe('increment', () => {
  test('integer plus integer stays an integer, exactly beyond 2^53', () => {
    expect(transform(int('9007199254740993'), { increment: int(2) }).value).toEqual(int('9007199254740995'));
  });

  test('integer overflow saturates at the int64 bounds, as write.proto specifies', () => {
    expect(transform(int('9223372036854775800'), { increment: int(100) }).value).toEqual(int('9223372036854775807'));
    expect(transform(int('-9223372036854775800'), { increment: int(-100) }).value).toEqual(int('-9223372036854775808'));
  });

  test('any double makes the result a double', () => {
    expect(transform(int(1), { increment: double(0.5) }).value).toEqual(double(1.5));
    expect(transform(double(2), { increment: int(1) }).value).toEqual(double(3));
  });

  test('a missing or non-numeric field becomes the operand, with its type', () => {
    expect(transform(undefined, { increment: int(3) }).value).toEqual(int(3));
    expect(transform({ stringValue: 'x' }, { increment: double(2) }).value).toEqual(double(2));
  });

  test('the result is reported as the transform result', () => {
    expect(transform(int(1), { increment: int(1) }).result).toEqual(int(2));
  });

  test('a non-numeric operand is INVALID_ARGUMENT', () => {
    expect(() => transform(int(1), { increment: { stringValue: '1' } })).toThrow(expect.objectContaining({ code: 3 }));
  });
});

describe('maximum and minimum', () => {
  test('the larger (smaller) operand wins with its own type', () => {
    expect(transform(int(3), { maximum: double(3.5) }).value).toEqual(double(3.5));
    expect(transform(double(3.5), { minimum: int(3) }).value).toEqual(int(3));
  });

  test('equivalent values keep the stored one', () => {
    expect(transform(int(3), { maximum: double(3) }).value).toEqual(int(3));
    expect(transform(double(-0), { minimum: int(0) }).value).toEqual(double(-0));
  });

  test('NaN wins either way', () => {
    expect(Number.isNaN(transform(int(3), { maximum: double(NaN) }).value?.doubleValue)).toBe(true);
    expect(Number.isNaN(transform(double(NaN), { minimum: int(3) }).value?.doubleValue)).toBe(true);
  });

  test('a missing or non-numeric field becomes the operand', () => {
    expect(transform(undefined, { minimum: int(-1) }).value).toEqual(int(-1));
    expect(transform(NULL, { maximum: int(1) }).value).toEqual(int(1));
  });
});

describe('array transforms', () => {
  const array = (...values: Value[]): Value => ({ arrayValue: { values } });

  test('appendMissingElements adds absent elements in order, treating 1 and 1.0 (and NaN and NaN) as equal', () => {
    const { value, result } = transform(array(int(1), double(NaN)), {
      appendMissingElements: { values: [double(1), int(2), double(NaN), int(2), { stringValue: 'a' }] },
    });
    expect(value).toEqual(array(int(1), double(NaN), int(2), { stringValue: 'a' }));
    expect(result).toEqual(NULL);
  });

  test('removeAllFromArray removes every equivalent element', () => {
    const { value } = transform(array(int(1), double(1), NULL, int(2), NULL), { removeAllFromArray: { values: [int(1), NULL] } });
    expect(value).toEqual(array(int(2)));
  });

  test('both start from the empty array when the field is missing or not an array', () => {
    expect(transform(undefined, { appendMissingElements: { values: [int(1)] } }).value).toEqual(array(int(1)));
    expect(transform({ stringValue: 's' }, { removeAllFromArray: { values: [int(1)] } }).value).toEqual(array());
  });

  test('nested arrays are rejected', () => {
    expect(() => transform(undefined, { appendMissingElements: { values: [array(int(1))] } })).toThrow(/array value in an array value/);
  });
});

describe('server timestamp', () => {
  test('is the commit time, to the microsecond', () => {
    expect(transform(undefined, { setToServerValue: 'REQUEST_TIME' }).value).toEqual({
      timestampValue: { seconds: '1700000000', nanos: 123_456_000 },
    });
  });
});

test('a nested path creates the maps on the way', () => {
  const outcome = applyFieldTransform({}, { fieldPath: 'a.`b.c`', increment: int(1) }, 0);
  expect(outcome.fields).toEqual({ a: { mapValue: { fields: { 'b.c': int(1) } } } });
});
