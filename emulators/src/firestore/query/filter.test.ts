import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import type { FieldOperator, Filter, UnaryOperator, Value } from '../types.ts';
import { compileFilter, inequalityFields } from './filter.ts';
import { dbl, int, nul, pathsOf, storedDocument, str } from './test-fixtures.ts';

const documents = [
  storedDocument('c/missing', { other: int(1) }),
  storedDocument('c/null', { v: nul }),
  storedDocument('c/nan', { v: dbl(NaN) }),
  storedDocument('c/one', { v: int(1), tag: str('x') }),
  storedDocument('c/two', { v: dbl(2), tag: str('y') }),
];

const field = (fieldPath: string, op: FieldOperator, value: Value): Filter => ({
  fieldFilter: { field: { fieldPath }, op, value },
});
const unary = (fieldPath: string, op: UnaryOperator): Filter => ({ unaryFilter: { field: { fieldPath }, op } });
const and = (...filters: Filter[]): Filter => ({ compositeFilter: { op: 'AND', filters } });
const or = (...filters: Filter[]): Filter => ({ compositeFilter: { op: 'OR', filters } });

function matching(filter: Filter | undefined): string[] {
  return pathsOf(documents.filter(compileFilter(filter))).map((path) => path.slice(2));
}

describe('compileFilter', () => {
  it('matches everything without a filter', () => {
    expect(matching(undefined)).toEqual(['missing', 'null', 'nan', 'one', 'two']);
  });

  it.each<[UnaryOperator, string[]]>([
    ['IS_NULL', ['null']],
    ['IS_NOT_NULL', ['nan', 'one', 'two']],
    ['IS_NAN', ['nan']],
    ['IS_NOT_NAN', ['one', 'two']],
  ])('%s never matches a missing field', (op, expected) => {
    expect(matching(unary('v', op))).toEqual(expected);
  });

  it('combines with AND and OR, nested', () => {
    expect(matching(and(field('v', 'GREATER_THAN', int(0)), field('tag', 'EQUAL', str('y'))))).toEqual(['two']);
    expect(matching(or(unary('v', 'IS_NULL'), field('tag', 'EQUAL', str('x'))))).toEqual(['null', 'one']);
    expect(
      matching(or(and(field('v', 'LESS_THAN', int(2)), field('tag', 'EQUAL', str('x'))), field('other', 'EQUAL', int(1)))),
    ).toEqual(['missing', 'one']);
  });

  it('treats a composite of one filter as that filter', () => {
    expect(matching(or(unary('v', 'IS_NAN')))).toEqual(['nan']);
  });

  it.each<[string, Filter]>([
    ['an empty filter', {}],
    ['an empty composite', { compositeFilter: { op: 'AND', filters: [] } }],
    ['an unknown composite operator', { compositeFilter: { op: 'XOR' as 'AND', filters: [unary('v', 'IS_NULL'), unary('v', 'IS_NAN')] } }],
    ['an unknown unary operator', unary('v', 'IS_EMPTY' as UnaryOperator)],
    ['a malformed field inside a composite', and(unary('v', 'IS_NULL'), unary('`v', 'IS_NULL'))],
  ])('rejects %s', (_, filter) => {
    expect(() => compileFilter(filter)).toThrow(InvalidArgumentError);
  });
});

describe('inequalityFields', () => {
  it('collects fields under inequalities, in OR branches too', () => {
    const filter = and(
      field('a', 'EQUAL', int(1)),
      field('b', 'GREATER_THAN', int(1)),
      or(field('c', 'NOT_IN', int(1)), unary('d', 'IS_NOT_NULL'), unary('e', 'IS_NULL'), unary('f', 'IS_NOT_NAN')),
      field('g', 'ARRAY_CONTAINS', int(1)),
      field('h', 'NOT_EQUAL', int(1)),
    );
    expect(inequalityFields(filter).map((found) => found.key)).toEqual(['b', 'c', 'd', 'f', 'h']);
    expect(inequalityFields(undefined)).toEqual([]);
  });
});
