import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import type { Cursor, Value } from '../types.ts';
import { compileCursorBounds } from './cursor.ts';
import { resolveOrderBy } from './order.ts';
import { int, ref, str } from './test-fixtures.ts';

// Positions on (n ASC, __name__ ASC).
const orders = resolveOrderBy({ orderBy: [{ field: { fieldPath: 'n' }, direction: 'ASCENDING' }] });
const positions: Value[][] = [1, 2, 3].flatMap((n) => ['a', 'b'].map((id) => [int(n), ref(`c/${id}`)]));
const label = ([n, name]: Value[]): string => `${n!.integerValue}${name!.referenceValue!.slice(-1)}`;

function within(startAt?: Cursor, endAt?: Cursor): string[] {
  return positions.filter(compileCursorBounds(orders, startAt, endAt)).map(label);
}

describe('compileCursorBounds', () => {
  it('lets everything through without cursors', () => {
    expect(within()).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
  });

  it('starts at or after a prefix position', () => {
    expect(within({ values: [int(2)], before: true })).toEqual(['2a', '2b', '3a', '3b']);
    expect(within({ values: [int(2)] })).toEqual(['3a', '3b']);
  });

  it('ends before or at a prefix position', () => {
    expect(within(undefined, { values: [int(2)], before: true })).toEqual(['1a', '1b']);
    expect(within(undefined, { values: [int(2)] })).toEqual(['1a', '1b', '2a', '2b']);
  });

  it('uses full positions to split equal values by name', () => {
    expect(within({ values: [int(1), ref('c/b')] }, { values: [int(3), ref('c/a')], before: true })).toEqual(['2a', '2b']);
    expect(within({ values: [int(1), ref('c/b')], before: true }, { values: [int(3), ref('c/a')] })).toEqual([
      '1b', '2a', '2b', '3a',
    ]);
  });

  it('compares positions in the direction of each order', () => {
    const descending = resolveOrderBy({ orderBy: [{ field: { fieldPath: 'n' }, direction: 'DESCENDING' }] });
    const bounds = compileCursorBounds(descending, { values: [int(2)], before: true }, undefined);
    expect(positions.filter(bounds).map(label)).toEqual(['1a', '1b', '2a', '2b']);
  });

  it('compares values of other types in the total order', () => {
    expect(within({ values: [str('')] })).toEqual([]);
    expect(within(undefined, { values: [str('')] })).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
  });

  it('rejects more values than orders', () => {
    expect(() => compileCursorBounds(orders, { values: [int(1), ref('c/a'), int(2)] }, undefined)).toThrow(
      InvalidArgumentError,
    );
  });

  it('rejects a __name__ position that is not a reference', () => {
    expect(() => compileCursorBounds(orders, undefined, { values: [int(1), str('c/a')] })).toThrow(InvalidArgumentError);
  });
});
