/**
 * Queries built by the official node client, serialized and decoded the way the gRPC server sees
 * them, so the engine is checked against the client's real wire shapes (implicit orders, unary
 * filters for null and NaN, limitToLast's reversed orders and swapped cursors, full references).
 */
import { AggregateField, FieldPath, Filter, Firestore, type AggregateQuery, type Query } from '@google-cloud/firestore';
import type { MethodDefinition } from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFirestoreService } from '../proto.ts';
import type { Aggregation, StructuredQuery } from '../types.ts';
import { runAggregation } from './aggregate.ts';
import { runQuery } from './run-query.ts';
import { arr, dbl, int, nul, pathsOf, storedDocument, str } from './test-fixtures.ts';

const firestore = new Firestore({ projectId: 'p' });
afterAll(() => firestore.terminate());

const documents = [
  storedDocument('cities/sf', { state: str('CA'), population: int(860_000), tags: arr(str('west'), str('coast')) }),
  storedDocument('cities/la', { state: str('CA'), population: int(3_900_000), tags: arr(str('west')) }),
  storedDocument('cities/dc', { state: nul, population: dbl(680_000), tags: arr(str('capital')) }),
  storedDocument('cities/tok', { state: str('Tokyo'), population: int(9_000_000), ratio: dbl(NaN) }),
  storedDocument('cities/bj', { population: str('unknown'), ratio: dbl(0.5) }),
  storedDocument('cities/sf/landmarks/bridge', { population: int(0) }),
  storedDocument('landmarks/eiffel', {}),
];
const cities = firestore.collection('cities');

/** What the client would put on the wire, as our server decodes it. */
function overTheWire<T>(method: 'RunQuery' | 'RunAggregationQuery', request: unknown): T {
  const definition = loadFirestoreService()[method] as MethodDefinition<unknown, unknown>;
  return definition.requestDeserialize(definition.requestSerialize(request)) as T;
}

function run(query: Query): string[] {
  const request = (query as unknown as { toProto(): unknown }).toProto();
  const { parent, structuredQuery } = overTheWire<{ parent: string; structuredQuery: StructuredQuery }>('RunQuery', request);
  return pathsOf(runQuery(documents, parent, structuredQuery));
}

describe('queries from @google-cloud/firestore', () => {
  it.each<[string, Query, string[]]>([
    ['a range, ordered implicitly', cities.where('population', '>', 700_000), ['cities/sf', 'cities/la', 'cities/tok']],
    ['!= null', cities.where('state', '!=', null), ['cities/la', 'cities/sf', 'cities/tok']],
    ['== null', cities.where('state', '==', null), ['cities/dc']],
    ['== NaN', cities.where('ratio', '==', NaN), ['cities/tok']],
    ['!= NaN', cities.where('ratio', '!=', NaN), ['cities/bj']],
    ['not-in', cities.where('state', 'not-in', ['CA']), ['cities/tok']],
    ['in', cities.where('population', 'in', [860_000, 680_000]), ['cities/dc', 'cities/sf']],
    ['array-contains', cities.where('tags', 'array-contains', 'west'), ['cities/la', 'cities/sf']],
    ['array-contains-any', cities.where('tags', 'array-contains-any', ['coast', 'capital']), ['cities/dc', 'cities/sf']],
    [
      'an OR of filters',
      cities.where(Filter.or(Filter.where('state', '==', 'Tokyo'), Filter.where('tags', 'array-contains', 'capital'))),
      ['cities/dc', 'cities/tok'],
    ],
    ['a document id range', cities.where(FieldPath.documentId(), '>=', 'la'), ['cities/la', 'cities/sf', 'cities/tok']],
    ['a descending order', cities.orderBy('state', 'desc'), ['cities/tok', 'cities/sf', 'cities/la', 'cities/dc']],
    ['cursors', cities.orderBy('population').startAfter(680_000).endAt(3_900_000), ['cities/sf', 'cities/la']],
    ['offset and limit', cities.orderBy('population').offset(1).limit(2), ['cities/sf', 'cities/la']],
    ['limit(0)', cities.limit(0), []],
    ['a collection group', firestore.collectionGroup('landmarks'), ['cities/sf/landmarks/bridge', 'landmarks/eiffel']],
    ['a subcollection', cities.doc('sf').collection('landmarks'), ['cities/sf/landmarks/bridge']],
  ])('%s', (_, query, expected) => {
    expect(run(query)).toEqual(expected);
  });

  it('limitToLast: reversed orders and swapped cursors, which the client reverses back', () => {
    const query = cities.orderBy('population').endBefore(9_000_000).limitToLast(2);
    expect(run(query)).toEqual(['cities/la', 'cities/sf']);
  });

  it('select() keeps only names', () => {
    const request = (cities.where('state', '==', 'CA').select() as unknown as { toProto(): unknown }).toProto();
    const { parent, structuredQuery } = overTheWire<{ parent: string; structuredQuery: StructuredQuery }>('RunQuery', request);
    expect(runQuery(documents, parent, structuredQuery).map((document) => document.fields)).toEqual([{}, {}]);
  });

  it('aggregations', () => {
    const query: AggregateQuery<Record<string, AggregateField<unknown>>> = cities.where('population', '>=', 0).aggregate({
      count: AggregateField.count(),
      total: AggregateField.sum('population'),
      mean: AggregateField.average('population'),
    });
    const request = (query as unknown as { toProto(): unknown }).toProto();
    const { parent, structuredAggregationQuery } = overTheWire<{
      parent: string;
      structuredAggregationQuery: { structuredQuery: StructuredQuery; aggregations: Aggregation[] };
    }>('RunAggregationQuery', request);
    const results = runQuery(documents, parent, structuredAggregationQuery.structuredQuery);
    expect(Object.values(runAggregation(results, structuredAggregationQuery.aggregations))).toEqual([
      int(4),
      dbl(14_440_000),
      dbl(3_610_000),
    ]);
  });
});
