/**
 * startAt/endAt: a position given as values for a prefix of the effective orders. `before` puts the
 * boundary just before that position, so a start cursor includes it and an end cursor excludes it.
 */
import { InvalidArgumentError } from '../errors.ts';
import type { Cursor, Value } from '../types.ts';
import { valueType } from '../values.ts';
import { compareOrderKeys, type ResolvedOrder } from './order.ts';

export type OrderKeysPredicate = (keys: readonly Value[]) => boolean;

export function compileCursorBounds(
  orders: readonly ResolvedOrder[],
  startAt: Cursor | undefined,
  endAt: Cursor | undefined,
): OrderKeysPredicate {
  const afterStart = startAt && compileBound(orders, startAt, (comparison, before) => (before ? comparison >= 0 : comparison > 0));
  const beforeEnd = endAt && compileBound(orders, endAt, (comparison, before) => (before ? comparison < 0 : comparison <= 0));
  return (keys) => (afterStart?.(keys) ?? true) && (beforeEnd?.(keys) ?? true);
}

function compileBound(
  orders: readonly ResolvedOrder[],
  cursor: Cursor,
  accepts: (comparison: number, before: boolean) => boolean,
): OrderKeysPredicate {
  const position = cursor.values ?? [];
  if (position.length > orders.length) {
    throw new InvalidArgumentError(
      `A cursor has ${position.length} values but the query orders by only ${orders.length} fields.`,
    );
  }
  position.forEach((value, i) => {
    valueType(value);
    if (orders[i]!.field.isDocumentName && value.referenceValue === undefined) {
      throw new InvalidArgumentError('A cursor value for __name__ must be a reference value.');
    }
  });
  const before = cursor.before === true;
  return (keys) => accepts(compareOrderKeys(keys, position, orders), before);
}
