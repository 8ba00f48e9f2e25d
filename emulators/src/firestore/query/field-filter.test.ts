import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import type { FieldOperator, Value } from '../types.ts';
import { compileFieldFilter } from './field-filter.ts';
import { arr, bool, dbl, int, map, nul, pathsOf, ref, storedDocument, str } from './test-fixtures.ts';

const documents = [
  storedDocument('c/missing', {}),
  storedDocument('c/null', { v: nul }),
  storedDocument('c/false', { v: bool(false) }),
  storedDocument('c/nan', { v: dbl(NaN) }),
  storedDocument('c/int1', { v: int(1) }),
  storedDocument('c/double1', { v: dbl(1) }),
  storedDocument('c/int5', { v: int(5) }),
  storedDocument('c/string5', { v: str('5') }),
  storedDocument('c/stringA', { v: str('a') }),
  storedDocument('c/array', { v: arr(int(1), str('x'), nul) }),
  storedDocument('c/arrayNaN', { v: arr(dbl(NaN)) }),
  storedDocument('c/map', { v: map({ w: int(5) }) }),
];

function matching(op: FieldOperator, value: Value, fieldPath = 'v'): string[] {
  const matches = compileFieldFilter({ field: { fieldPath }, op, value });
  return pathsOf(documents.filter(matches)).map((path) => path.slice(2));
}

describe('compileFieldFilter', () => {
  it('== matches equal values of the same type class, integers and doubles alike', () => {
    expect(matching('EQUAL', int(1))).toEqual(['int1', 'double1']);
    expect(matching('EQUAL', str('5'))).toEqual(['string5']);
    expect(matching('EQUAL', nul)).toEqual(['null']);
    expect(matching('EQUAL', arr(int(1), str('x'), nul))).toEqual(['array']);
  });

  it('== never matches a NaN operand', () => {
    expect(matching('EQUAL', dbl(NaN))).toEqual([]);
  });

  it('!= matches every other present, non-null value, whatever its type', () => {
    expect(matching('NOT_EQUAL', int(1))).toEqual(['false', 'nan', 'int5', 'string5', 'stringA', 'array', 'arrayNaN', 'map']);
    expect(matching('NOT_EQUAL', nul)).toEqual([
      'false', 'nan', 'int1', 'double1', 'int5', 'string5', 'stringA', 'array', 'arrayNaN', 'map',
    ]);
  });

  it('ranges only match the operand type class', () => {
    expect(matching('LESS_THAN', int(5))).toEqual(['nan', 'int1', 'double1']);
    expect(matching('LESS_THAN_OR_EQUAL', dbl(5))).toEqual(['nan', 'int1', 'double1', 'int5']);
    expect(matching('GREATER_THAN', int(1))).toEqual(['int5']);
    expect(matching('GREATER_THAN_OR_EQUAL', int(1))).toEqual(['int1', 'double1', 'int5']);
    expect(matching('GREATER_THAN_OR_EQUAL', str(''))).toEqual(['string5', 'stringA']);
    expect(matching('GREATER_THAN', bool(false))).toEqual([]);
  });

  it('reads nested fields', () => {
    expect(matching('EQUAL', int(5), 'v.w')).toEqual(['map']);
    expect(matching('NOT_EQUAL', int(0), 'v.w')).toEqual(['map']);
  });

  it('array-contains matches arrays holding an equal element', () => {
    expect(matching('ARRAY_CONTAINS', dbl(1))).toEqual(['array']);
    expect(matching('ARRAY_CONTAINS', nul)).toEqual(['array']);
    expect(matching('ARRAY_CONTAINS', str('a'))).toEqual([]);
    expect(matching('ARRAY_CONTAINS', dbl(NaN))).toEqual([]);
  });

  it('array-contains-any matches arrays holding any of the values', () => {
    expect(matching('ARRAY_CONTAINS_ANY', arr(str('x'), dbl(NaN)))).toEqual(['array']);
    expect(matching('ARRAY_CONTAINS_ANY', arr(int(5)))).toEqual([]);
  });

  it('in matches values equal to any of the list', () => {
    expect(matching('IN', arr(dbl(5), str('a'), nul, dbl(NaN)))).toEqual(['null', 'int5', 'stringA']);
  });

  it('not-in matches present, non-null values outside the list', () => {
    expect(matching('NOT_IN', arr(int(1), str('a'), bool(false), arr(dbl(NaN))))).toEqual([
      'nan', 'int5', 'string5', 'array', 'map',
    ]);
  });

  it('not-in matches nothing when the list holds null', () => {
    expect(matching('NOT_IN', arr(int(1), nul))).toEqual([]);
  });

  it('filters __name__ by document reference', () => {
    expect(matching('EQUAL', ref('c/int5'), '__name__')).toEqual(['int5']);
    expect(matching('GREATER_THAN', ref('c/nan'), '__name__')).toEqual(['null', 'string5', 'stringA']);
    expect(matching('IN', arr(ref('c/map'), ref('c/null')), '__name__')).toEqual(['null', 'map']);
  });

  it.each<[string, FieldOperator, Value]>([
    ['in without an array', 'IN', int(1)],
    ['in with an empty array', 'IN', arr()],
    ['not-in without an array', 'NOT_IN', nul],
    ['array-contains-any with an empty array', 'ARRAY_CONTAINS_ANY', arr()],
    ['an empty value', 'EQUAL', {}],
    ['an unknown operator', 'LIKE' as FieldOperator, int(1)],
  ])('rejects %s', (_, op, value) => {
    expect(() => compileFieldFilter({ field: { fieldPath: 'v' }, op, value })).toThrow(InvalidArgumentError);
  });

  it.each<[FieldOperator, Value]>([
    ['EQUAL', str('c/int1')],
    ['IN', arr(ref('c/int1'), str('c/int5'))],
    ['ARRAY_CONTAINS', ref('c/int1')],
  ])('rejects %s on __name__ without references', (op, value) => {
    expect(() => compileFieldFilter({ field: { fieldPath: '__name__' }, op, value })).toThrow(InvalidArgumentError);
  });

  it('rejects malformed field paths', () => {
    expect(() => compileFieldFilter({ field: { fieldPath: 'a..b' }, op: 'EQUAL', value: nul })).toThrow(
      InvalidArgumentError,
    );
  });
});
