/**
 * The effective ORDER BY of a query, as the backend completes it (see StructuredQuery.order_by):
 * the explicit orders, then every inequality field not yet ordered in lexicographic field-path
 * order, then `__name__`; appended orders take the direction of the last explicit one.
 */
import { DOCUMENT_NAME_FIELD, compareFieldPaths } from '../field-path.ts';
import type { StoredDocument, StructuredQuery, Value } from '../types.ts';
import { compareValues } from '../values.ts';
import { compileDocumentField, type DocumentField } from './document-field.ts';
import { inequalityFields } from './filter.ts';

export interface ResolvedOrder {
  readonly field: DocumentField;
  readonly descending: boolean;
}

export function resolveOrderBy(query: Pick<StructuredQuery, 'orderBy' | 'where'>): ResolvedOrder[] {
  const orders: ResolvedOrder[] = (query.orderBy ?? []).map((order) => ({
    field: compileDocumentField(order.field),
    descending: order.direction === 'DESCENDING',
  }));
  const descending = orders.at(-1)?.descending ?? false;
  const ordered = new Set(orders.map((order) => order.field.key));
  const missingInequalities = inequalityFields(query.where)
    .filter((field) => !field.isDocumentName)
    .sort((a, b) => compareFieldPaths(a.segments, b.segments));
  for (const field of missingInequalities) {
    if (ordered.has(field.key)) continue;
    ordered.add(field.key);
    orders.push({ field, descending });
  }
  if (!ordered.has(DOCUMENT_NAME_FIELD)) {
    orders.push({ field: compileDocumentField({ fieldPath: DOCUMENT_NAME_FIELD }), descending });
  }
  return orders;
}

/** The values a document sorts by, or undefined when it lacks one: ordering by a field implies it exists. */
export function readOrderKeys(document: StoredDocument, orders: readonly ResolvedOrder[]): Value[] | undefined {
  const keys: Value[] = [];
  for (const { field } of orders) {
    const value = field.read(document);
    if (value === undefined) return undefined;
    keys.push(value);
  }
  return keys;
}

/**
 * Compares order keys position by position in each order's direction. `right` may be shorter (a
 * cursor naming a prefix of the orders); only the positions both have are compared.
 */
export function compareOrderKeys(left: readonly Value[], right: readonly Value[], orders: readonly ResolvedOrder[]): number {
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const comparison = compareValues(left[i]!, right[i]!);
    if (comparison !== 0) return orders[i]!.descending ? -comparison : comparison;
  }
  return 0;
}
