import { describe, expect, it } from 'vitest';
import type { Filter, Order, StructuredQuery } from '../types.ts';
import { compareOrderKeys, readOrderKeys, resolveOrderBy } from './order.ts';
import { int, map, ref, storedDocument, str } from './test-fixtures.ts';

const asc = (fieldPath: string): Order => ({ field: { fieldPath }, direction: 'ASCENDING' });
const desc = (fieldPath: string): Order => ({ field: { fieldPath }, direction: 'DESCENDING' });
const greaterThanZero = (fieldPath: string): Filter => ({
  fieldFilter: { field: { fieldPath }, op: 'GREATER_THAN', value: int(0) },
});

function resolved(query: Pick<StructuredQuery, 'orderBy' | 'where'>): string[] {
  return resolveOrderBy(query).map(({ field, descending }) => `${field.key} ${descending ? 'desc' : 'asc'}`);
}

describe('resolveOrderBy', () => {
  it('orders by __name__ ascending by default', () => {
    expect(resolved({})).toEqual(['__name__ asc']);
  });

  it('appends __name__ in the direction of the last explicit order', () => {
    expect(resolved({ orderBy: [asc('a'), desc('b')] })).toEqual(['a asc', 'b desc', '__name__ desc']);
    expect(resolved({ orderBy: [{ field: { fieldPath: 'a' } }] })).toEqual(['a asc', '__name__ asc']);
  });

  it('keeps an explicit __name__ order where it is', () => {
    expect(resolved({ orderBy: [desc('__name__'), asc('a')] })).toEqual(['__name__ desc', 'a asc']);
  });

  it('appends unordered inequality fields in field-path order, after the explicit orders', () => {
    const where: Filter = {
      compositeFilter: {
        op: 'AND',
        filters: [greaterThanZero('z'), greaterThanZero('`a b`'), greaterThanZero('a.c'), greaterThanZero('m'), greaterThanZero('z')],
      },
    };
    expect(resolved({ where })).toEqual(['a.c asc', '`a b` asc', 'm asc', 'z asc', '__name__ asc']);
    expect(resolved({ where, orderBy: [desc('m')] })).toEqual(['m desc', 'a.c desc', '`a b` desc', 'z desc', '__name__ desc']);
  });

  it('recognises a quoted spelling of an ordered field', () => {
    expect(resolved({ where: greaterThanZero('`a`.b'), orderBy: [asc('a.b')] })).toEqual(['a.b asc', '__name__ asc']);
  });

  it('does not add __name__ twice for an inequality on it', () => {
    const where: Filter = { fieldFilter: { field: { fieldPath: '__name__' }, op: 'GREATER_THAN', value: ref('c/a') } };
    expect(resolved({ where })).toEqual(['__name__ asc']);
  });
});

describe('readOrderKeys', () => {
  const orders = resolveOrderBy({ orderBy: [asc('a.b')] });

  it('reads nested fields and the document name', () => {
    const document = storedDocument('c/d', { a: map({ b: str('x') }) });
    expect(readOrderKeys(document, orders)).toEqual([str('x'), { referenceValue: document.name }]);
  });

  it('is undefined when an ordered field is missing', () => {
    expect(readOrderKeys(storedDocument('c/d', { a: str('x') }), orders)).toBeUndefined();
  });
});

describe('compareOrderKeys', () => {
  const orders = resolveOrderBy({ orderBy: [asc('a'), desc('b')] });

  it('honours each direction', () => {
    expect(compareOrderKeys([int(1), int(9)], [int(2), int(0)], orders)).toBe(-1);
    expect(compareOrderKeys([int(1), int(9)], [int(1), int(0)], orders)).toBe(-1);
    expect(compareOrderKeys([int(1), int(0)], [int(1), int(9)], orders)).toBe(1);
  });

  it('compares only the positions both sides have', () => {
    expect(compareOrderKeys([int(1), int(9), ref('c/x')], [int(1)], orders)).toBe(0);
  });
});
