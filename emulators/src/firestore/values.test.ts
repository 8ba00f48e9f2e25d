import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.ts';
import { arr, bool, bytes, dbl, geo, int, map, nul, ref, str, ts } from './query/test-fixtures.ts';
import type { Value } from './types.ts';
import {
  compareResourceNames,
  compareUtf8Strings,
  compareValues,
  typeOrder,
  TypeOrder,
  valuesEqual,
  valueType,
} from './values.ts';

const vector = (...numbers: number[]): Value =>
  map({ __type__: str('__vector__'), value: arr(...numbers.map(dbl)) });

/** Asserts that the values are strictly ascending, in both directions, and each equal to itself. */
function expectAscending(values: Value[]): void {
  for (let i = 0; i < values.length; i++) {
    expect(compareValues(values[i]!, values[i]!), `${i} vs itself`).toBe(0);
    for (let j = i + 1; j < values.length; j++) {
      expect(compareValues(values[i]!, values[j]!), `${i} < ${j}`).toBe(-1);
      expect(compareValues(values[j]!, values[i]!), `${j} > ${i}`).toBe(1);
    }
  }
}

describe('valueType', () => {
  it('names the member that is set, ignoring the proto-loader hint', () => {
    expect(valueType({ integerValue: '0' })).toBe('integerValue');
    expect(valueType({ booleanValue: false })).toBe('booleanValue');
    expect(valueType({ doubleValue: 0, valueType: 'stringValue' })).toBe('doubleValue');
    expect(valueType({ nullValue: 0 })).toBe('nullValue');
    expect(valueType({ mapValue: {} })).toBe('mapValue');
  });

  it('rejects an empty value', () => {
    expect(() => valueType({})).toThrow(InvalidArgumentError);
  });
});

describe('typeOrder', () => {
  it('tells vectors from maps', () => {
    expect(typeOrder(vector(1))).toBe(TypeOrder.vector);
    expect(typeOrder(map({ __type__: str('other') }))).toBe(TypeOrder.map);
  });
});

describe('compareValues', () => {
  it('orders types null < bool < number < timestamp < string < bytes < reference < geo < array < vector < map', () => {
    expectAscending([nul, bool(true), int(-5), ts(0), str(''), bytes(), ref('a/b'), geo(0, 0), arr(), vector(), map({})]);
  });

  it('orders numbers across integers and doubles, NaN first', () => {
    expectAscending([dbl(NaN), dbl(-Infinity), int(-3), dbl(-2.5), int(0), dbl(0.5), int(1), dbl(1.5), dbl(Infinity)]);
    expect(compareValues(int(1), dbl(1))).toBe(0);
    expect(compareValues(dbl(-0), dbl(0))).toBe(0);
    expect(compareValues(dbl(-0), int(0))).toBe(0);
    expect(compareValues(dbl(NaN), dbl(NaN))).toBe(0);
  });

  it('compares large integers exactly', () => {
    expectAscending([int('-9223372036854775808'), int('9007199254740992'), int('9007199254740993'), int('9223372036854775807')]);
    // 2^53 + 1 rounds to 2^53 as a double, yet it is still greater than that double.
    expect(compareValues(int('9007199254740993'), dbl(2 ** 53))).toBe(1);
    expect(compareValues(dbl(2 ** 53), int('9007199254740993'))).toBe(-1);
    expect(compareValues(int('9007199254740992'), dbl(2 ** 53))).toBe(0);
    expect(compareValues(int('9223372036854775807'), dbl(2 ** 63))).toBe(-1);
    expect(compareValues(int('-9223372036854775808'), dbl(-(2 ** 63)))).toBe(0);
  });

  it('orders booleans, timestamps, bytes and geo points', () => {
    expectAscending([bool(false), bool(true)]);
    expectAscending([ts(-1, 999_999_999), ts(0), ts('0', 1), ts(1)]);
    expect(compareValues({ timestampValue: {} }, ts(0))).toBe(0);
    expectAscending([bytes(), bytes(0), bytes(0, 0), bytes(1), bytes(255)]);
    expectAscending([geo(-10, 50), geo(0, -1), geo(0, 1), geo(1, -180)]);
  });

  it('orders strings by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FFFD is one UTF-16 unit above the surrogates, but its UTF-8 bytes come before any 4-byte sequence.
    expectAscending([str(''), str('A'), str('a'), str('ab'), str('é'), str('\uFFFD'), str('😀')]);
    expect(compareUtf8Strings('\uFFFD', '😀')).toBe(-1);
    expect('\uFFFD' > '😀').toBe(true);
  });

  it('orders references by path segment', () => {
    expectAscending([ref('a/b'), ref('a/b/c/d'), ref('a-b/c'), ref('b/a')]);
    expectAscending([ref('c/__id-2__'), ref('c/__id7__'), ref('c/__id10__'), ref('c/a')]);
  });

  it('compares names that differ in their first segment', () => {
    expect(compareResourceNames('a/x', 'a-b/x')).toBe(-1);
    expect(compareResourceNames('/b', 'a')).toBe(-1);
    expect(compareResourceNames('b/c', 'b')).toBe(1);
  });

  it('orders arrays lexicographically, then by length', () => {
    expectAscending([arr(), arr(nul), arr(int(1)), arr(int(1), int(0)), arr(int(2))]);
  });

  it('orders vectors by dimension before elements', () => {
    expectAscending([vector(), vector(9), vector(1, 1), vector(1, 2)]);
  });

  it('orders maps key by key in UTF-8 order, then by values, then by size', () => {
    expectAscending([
      map({}),
      map({ a: int(1) }),
      map({ a: int(1), b: int(0) }),
      map({ a: int(2) }),
      map({ b: int(0) }),
      map({ '\uFFFD': nul }),
      map({ '😀': nul }),
    ]);
    expect(compareValues(map({ x: int(1), y: int(2) }), map({ y: dbl(2), x: dbl(1) }))).toBe(0);
  });
});

describe('valuesEqual', () => {
  it('follows the total order', () => {
    expect(valuesEqual(int(3), dbl(3))).toBe(true);
    expect(valuesEqual(arr(int(1), str('x')), arr(dbl(1), str('x')))).toBe(true);
    expect(valuesEqual(str('1'), int(1))).toBe(false);
    expect(valuesEqual(nul, { nullValue: 0 })).toBe(true);
    expect(valuesEqual(bytes(1, 2), { bytesValue: new Uint8Array([1, 2]) })).toBe(true);
  });
});
