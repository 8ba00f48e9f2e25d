import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import type { Aggregation, Value } from '../types.ts';
import { runAggregation } from './aggregate.ts';
import { arr, dbl, int, map, nul, storedDocument, str } from './test-fixtures.ts';

const documentsWith = (...values: (Value | undefined)[]) =>
  values.map((value, i) => storedDocument(`c/${i}`, value === undefined ? {} : { n: value }));
const sum = (alias?: string): Aggregation => ({ alias, sum: { field: { fieldPath: 'n' } } });
const avg = (alias?: string): Aggregation => ({ alias, avg: { field: { fieldPath: 'n' } } });

describe('runAggregation', () => {
  it('counts documents, up to a bound', () => {
    const documents = documentsWith(int(1), undefined, nul);
    expect(
      runAggregation(documents, [
        { alias: 'all', count: {} },
        { alias: 'two', count: { upTo: { value: '2' } } },
        { alias: 'many', count: { upTo: { value: 10 } } },
      ]),
    ).toEqual({ all: int(3), two: int(2), many: int(3) });
  });

  it('sums integers exactly as an integer, skipping non-numbers', () => {
    const documents = documentsWith(int('9007199254740993'), int(1), str('7'), nul, undefined, arr(int(1)), map({}));
    expect(runAggregation(documents, [sum('s')])).toEqual({ s: int('9007199254740994') });
  });

  it('sums to a double once a double is involved', () => {
    expect(runAggregation(documentsWith(int(1), dbl(0.5)), [sum('s')])).toEqual({ s: dbl(1.5) });
    expect(runAggregation(documentsWith(int(1), dbl(2)), [sum('s')])).toEqual({ s: dbl(3) });
  });

  it('sums to a double when integers overflow int64', () => {
    expect(runAggregation(documentsWith(int('9223372036854775807'), int(1)), [sum('s')])).toEqual({ s: dbl(2 ** 63) });
    expect(runAggregation(documentsWith(int('-9223372036854775808'), int(-1)), [sum('s')])).toEqual({ s: dbl(-(2 ** 63)) });
    expect(runAggregation(documentsWith(int('9223372036854775807'), int(1), int(-1)), [sum('s')])).toEqual({
      s: int('9223372036854775807'),
    });
  });

  it('propagates NaN and follows IEEE-754 for infinities', () => {
    expect(runAggregation(documentsWith(int(1), dbl(NaN)), [sum('s'), avg('a')])).toEqual({ s: dbl(NaN), a: dbl(NaN) });
    expect(runAggregation(documentsWith(dbl(Infinity), dbl(-Infinity)), [sum('s')])).toEqual({ s: dbl(NaN) });
  });

  it('sums nothing to integer 0 and averages nothing to null', () => {
    expect(runAggregation(documentsWith(str('x'), undefined), [sum('s'), avg('a')])).toEqual({ s: int(0), a: nul });
  });

  it('averages numbers as a double', () => {
    expect(runAggregation(documentsWith(int(1), int(2), dbl(3.5), str('x')), [avg('a')])).toEqual({ a: dbl(6.5 / 3) });
    expect(runAggregation(documentsWith(int(2), int(4)), [avg('a')])).toEqual({ a: dbl(3) });
  });

  it('names unaliased aggregations field_1, field_2, ...', () => {
    expect(runAggregation(documentsWith(int(2)), [{ count: {} }, sum('total'), avg()])).toEqual({
      field_1: int(1),
      total: int(2),
      field_2: dbl(2),
    });
  });

  it.each<[string, Aggregation[]]>([
    ['no aggregations', []],
    ['more than five aggregations', [1, 2, 3, 4, 5, 6].map((i) => ({ alias: `c${i}`, count: {} }))],
    ['duplicate aliases', [sum('x'), avg('x')]],
    ['a zero up_to', [{ count: { upTo: {} } }]],
    ['an aggregation without an operator', [{ alias: 'x' }]],
    ['a malformed field', [{ sum: { field: { fieldPath: 'a..b' } } }]],
  ])('rejects %s', (_, aggregations) => {
    expect(() => runAggregation(documentsWith(int(1)), aggregations)).toThrow(InvalidArgumentError);
  });
});
