import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import type { FieldOperator, Filter, StructuredQuery, Value } from '../types.ts';
import { compileQuery, runQuery } from './run-query.ts';
import { arr, dbl, int, map, nul, pathsOf, ref, ROOT, storedDocument, str } from './test-fixtures.ts';

const documents = [
  storedDocument('cities/sf', { name: str('San Francisco'), state: str('CA'), population: int(860_000), tags: arr(str('west')) }),
  storedDocument('cities/la', { name: str('Los Angeles'), state: str('CA'), population: int(3_900_000) }),
  storedDocument('cities/dc', { name: str('Washington'), state: nul, population: dbl(680_000) }),
  storedDocument('cities/tok', { name: str('Tokyo'), population: int(9_000_000), tags: arr(str('east'), str('capital')) }),
  storedDocument('cities/bj', { name: str('Beijing'), population: str('unknown'), info: map({ capital: { booleanValue: true } }) }),
  storedDocument('cities/sf/landmarks/bridge', { name: str('Golden Gate'), population: int(0) }),
  storedDocument('landmarks/eiffel', { name: str('Eiffel Tower') }),
];

const cities: StructuredQuery['from'] = [{ collectionId: 'cities' }];
const where = (fieldPath: string, op: FieldOperator, value: Value): Filter => ({
  fieldFilter: { field: { fieldPath }, op, value },
});
const run = (query: StructuredQuery, parent = ROOT): string[] => pathsOf(runQuery(documents, parent, query));

describe('runQuery', () => {
  it('returns a collection in document-name order', () => {
    expect(run({ from: cities })).toEqual(['cities/bj', 'cities/dc', 'cities/la', 'cities/sf', 'cities/tok']);
  });

  it('orders by fields, dropping documents without them, with __name__ breaking ties', () => {
    expect(run({ from: cities, orderBy: [{ field: { fieldPath: 'state' } }] })).toEqual([
      'cities/dc',
      'cities/la',
      'cities/sf',
    ]);
    expect(run({ from: cities, orderBy: [{ field: { fieldPath: 'state' }, direction: 'DESCENDING' }] })).toEqual([
      'cities/sf',
      'cities/la',
      'cities/dc',
    ]);
  });

  it('orders mixed types by type first, integers and doubles together', () => {
    expect(run({ from: cities, orderBy: [{ field: { fieldPath: 'population' } }] })).toEqual([
      'cities/dc',
      'cities/sf',
      'cities/la',
      'cities/tok',
      'cities/bj',
    ]);
  });

  it('orders an inequality query by the inequality field', () => {
    expect(run({ from: cities, where: where('population', 'GREATER_THAN', int(700_000)) })).toEqual([
      'cities/sf',
      'cities/la',
      'cities/tok',
    ]);
  });

  it('excludes documents missing an implicitly ordered field, even when an OR branch matched them', () => {
    const filter: Filter = {
      compositeFilter: { op: 'OR', filters: [where('state', 'NOT_EQUAL', str('CA')), where('name', 'EQUAL', str('Tokyo'))] },
    };
    expect(run({ from: cities, where: filter })).toEqual([]);
    expect(run({ from: cities, where: where('name', 'EQUAL', str('Tokyo')) })).toEqual(['cities/tok']);
  });

  it('runs collection group queries', () => {
    expect(run({ from: [{ collectionId: 'landmarks', allDescendants: true }] })).toEqual([
      'cities/sf/landmarks/bridge',
      'landmarks/eiffel',
    ]);
    expect(run({ from: [{ collectionId: 'landmarks' }] }, `${ROOT}/cities/sf`)).toEqual(['cities/sf/landmarks/bridge']);
  });

  it('applies cursors, then offset, then limit', () => {
    const byPopulation: StructuredQuery = { from: cities, where: where('population', 'GREATER_THAN_OR_EQUAL', int(0)) };
    expect(run({ ...byPopulation, startAt: { values: [int(680_000)] } })).toEqual(['cities/sf', 'cities/la', 'cities/tok']);
    expect(run({ ...byPopulation, startAt: { values: [int(680_000)], before: true }, offset: 1, limit: { value: 2 } })).toEqual([
      'cities/sf',
      'cities/la',
    ]);
    expect(run({ ...byPopulation, endAt: { values: [int(3_900_000), ref('cities/la')], before: true } })).toEqual([
      'cities/dc',
      'cities/sf',
    ]);
    expect(run({ ...byPopulation, offset: 5 })).toEqual([]);
  });

  it('reads an empty limit message as a limit of 0', () => {
    expect(run({ from: cities, limit: {} })).toEqual([]);
  });

  it('projects the selected fields without touching stored documents', () => {
    const [first] = runQuery(documents, ROOT, {
      from: cities,
      select: { fields: [{ fieldPath: 'name' }, { fieldPath: 'info.capital' }] },
      where: where('__name__', 'EQUAL', ref('cities/bj')),
    });
    expect(first).toEqual({ ...documents[4], fields: { name: str('Beijing'), info: map({ capital: { booleanValue: true } }) } });
    expect(documents[4]!.fields['population']).toEqual(str('unknown'));
  });

  it.each<[string, StructuredQuery]>([
    ['a negative offset', { from: cities, offset: -1 }],
    ['a negative limit', { from: cities, limit: { value: -1 } }],
    ['a cursor longer than the orders', { from: cities, startAt: { values: [ref('cities/a'), int(1)] } }],
    ['a malformed order field', { from: cities, orderBy: [{ field: { fieldPath: '' } }] }],
  ])('rejects %s', (_, query) => {
    expect(() => run(query)).toThrow(InvalidArgumentError);
  });
});

describe('compileQuery', () => {
  const query = compileQuery(ROOT, {
    from: cities,
    where: where('population', 'LESS_THAN', int(5_000_000)),
    startAt: { values: [int(700_000)] },
    limit: { value: 1 },
    select: { fields: [{ fieldPath: '__name__' }] },
  });

  it('tests single documents against scope, filter, ordered fields and cursors, ignoring the limit', () => {
    expect(documents.filter(query.matches).map((document) => document.name)).toEqual([
      `${ROOT}/cities/sf`,
      `${ROOT}/cities/la`,
    ]);
  });

  it('exposes the effective orders and the comparison between results', () => {
    expect(query.orders.map((order) => order.field.key)).toEqual(['population', '__name__']);
    expect(query.compare(documents[1]!, documents[0]!)).toBe(1);
  });

  it('projects and limits when run', () => {
    expect(query.run(documents)).toEqual([{ ...documents[0], fields: {} }]);
  });
});
