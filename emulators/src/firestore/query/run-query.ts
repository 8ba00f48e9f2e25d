import { InvalidArgumentError } from '../errors.ts';
import type { StoredDocument, StructuredQuery, Value } from '../types.ts';
import { compileCursorBounds } from './cursor.ts';
import { compileFilter } from './filter.ts';
import { compareOrderKeys, readOrderKeys, resolveOrderBy, type ResolvedOrder } from './order.ts';
import { compileProjection } from './projection.ts';
import { compileScope } from './scope.ts';

/** A query validated and compiled once, to run over many documents or test them one at a time. */
export interface CompiledQuery {
  /** The effective orders, implicit ones included. */
  readonly orders: readonly ResolvedOrder[];
  /**
   * Whether a document is in the query's result set before offset and limit: in scope, matching
   * the filter, having every ordered field, and inside the cursors.
   */
  matches(document: StoredDocument): boolean;
  /** Orders two matching documents as the query returns them. */
  compare(left: StoredDocument, right: StoredDocument): number;
  /** Applies `select` to a matching document. */
  project(document: StoredDocument): StoredDocument;
  /** Every result of the query in order, after offset and limit, projected. */
  run(documents: Iterable<StoredDocument>): StoredDocument[];
}

/** Throws InvalidArgumentError for a query Firestore would reject. */
export function compileQuery(parent: string, query: StructuredQuery): CompiledQuery {
  const inScope = compileScope(parent, query.from);
  const matchesFilter = compileFilter(query.where);
  const orders = resolveOrderBy(query);
  const withinCursors = compileCursorBounds(orders, query.startAt, query.endAt);
  const project = compileProjection(query.select);
  const offset = nonNegative('offset', query.offset ?? 0);
  // Int32Value(0) arrives as an empty message, so a present limit without a value is a limit of 0.
  const limit = query.limit === undefined ? Infinity : nonNegative('limit', query.limit.value ?? 0);

  const orderKeysIfMatching = (document: StoredDocument): Value[] | undefined => {
    if (!inScope(document) || !matchesFilter(document)) return undefined;
    const keys = readOrderKeys(document, orders);
    return keys !== undefined && withinCursors(keys) ? keys : undefined;
  };

  return {
    orders,
    matches: (document) => orderKeysIfMatching(document) !== undefined,
    compare: (left, right) => compareOrderKeys(readOrderKeys(left, orders)!, readOrderKeys(right, orders)!, orders),
    project,
    run(documents) {
      const results: { document: StoredDocument; keys: Value[] }[] = [];
      for (const document of documents) {
        const keys = orderKeysIfMatching(document);
        if (keys !== undefined) results.push({ document, keys });
      }
      results.sort((left, right) => compareOrderKeys(left.keys, right.keys, orders));
      return results.slice(offset, offset + limit).map(({ document }) => project(document));
    },
  };
}

/** Runs a structured query over `documents` with Firestore's semantics; `parent` is the RunQuery parent. */
export function runQuery(documents: Iterable<StoredDocument>, parent: string, query: StructuredQuery): StoredDocument[] {
  return compileQuery(parent, query).run(documents);
}

function nonNegative(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError(`The ${name} must be a non-negative integer.`);
  return value;
}
