import { InvalidArgumentError } from '../errors.ts';
import type { Filter, UnaryOperator, Value } from '../types.ts';
import { isNaNValue } from '../values.ts';
import { compileDocumentField, type DocumentField } from './document-field.ts';
import { compileFieldFilter, isNullValue, type DocumentPredicate } from './field-filter.ts';

export type { DocumentPredicate } from './field-filter.ts';

/** Compiles a `where` clause once into a predicate over documents; no filter matches everything. */
export function compileFilter(filter: Filter | undefined): DocumentPredicate {
  return filter === undefined ? () => true : compileAnyFilter(filter);
}

function compileAnyFilter(filter: Filter): DocumentPredicate {
  if (filter.compositeFilter) return compileCompositeFilter(filter.compositeFilter);
  if (filter.fieldFilter) return compileFieldFilter(filter.fieldFilter);
  if (filter.unaryFilter) return compileUnaryFilter(filter.unaryFilter);
  throw new InvalidArgumentError('A filter must set a composite, field or unary filter.');
}

function compileCompositeFilter({ op, filters = [] }: NonNullable<Filter['compositeFilter']>): DocumentPredicate {
  if (filters.length === 0) throw new InvalidArgumentError('A composite filter needs at least one filter.');
  const predicates = filters.map(compileAnyFilter);
  if (predicates.length === 1) return predicates[0]!;
  switch (op) {
    case 'AND':
      return (document) => predicates.every((matches) => matches(document));
    case 'OR':
      return (document) => predicates.some((matches) => matches(document));
    default:
      throw new InvalidArgumentError(`Unsupported composite filter operator '${String(op)}'.`);
  }
}

const unaryMatchers: Record<UnaryOperator, (value: Value) => boolean> = {
  IS_NULL: isNullValue,
  IS_NAN: isNaNValue,
  IS_NOT_NULL: (value) => !isNullValue(value),
  IS_NOT_NAN: (value) => !isNullValue(value) && !isNaNValue(value),
};

function compileUnaryFilter({ op, field }: NonNullable<Filter['unaryFilter']>): DocumentPredicate {
  const target = compileDocumentField(field);
  const matches = Object.hasOwn(unaryMatchers, op) ? unaryMatchers[op] : undefined;
  if (matches === undefined) throw new InvalidArgumentError(`Unsupported unary filter operator '${String(op)}'.`);
  return (document) => {
    const value = target.read(document);
    return value !== undefined && matches(value);
  };
}

const INEQUALITY_OPERATORS: ReadonlySet<string> = new Set([
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'NOT_EQUAL',
  'NOT_IN',
  'IS_NOT_NULL',
  'IS_NOT_NAN',
]);

/** Fields under an inequality anywhere in the filter tree, OR branches included: they must be ordered. */
export function inequalityFields(filter: Filter | undefined): DocumentField[] {
  if (filter === undefined) return [];
  if (filter.compositeFilter) return (filter.compositeFilter.filters ?? []).flatMap(inequalityFields);
  const leaf = filter.fieldFilter ?? filter.unaryFilter;
  return leaf !== undefined && INEQUALITY_OPERATORS.has(leaf.op) ? [compileDocumentField(leaf.field)] : [];
}
