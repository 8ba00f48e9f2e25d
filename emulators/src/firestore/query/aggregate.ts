/**
 * StructuredAggregationQuery's aggregations over a query's results: count (with up_to), and sum
 * and avg of a field, which skip missing and non-numeric values, propagate NaN, and keep a sum of
 * integers an integer unless it leaves int64.
 */
import { InvalidArgumentError } from '../errors.ts';
import type { Aggregation, StoredDocument, Value } from '../types.ts';
import { INT64_MAX, INT64_MIN } from '../values.ts';
import { compileDocumentField, type DocumentField } from './document-field.ts';

const MAX_AGGREGATIONS = 5;

export function runAggregation(documents: readonly StoredDocument[], aggregations: readonly Aggregation[]): Record<string, Value> {
  if (aggregations.length === 0 || aggregations.length > MAX_AGGREGATIONS) {
    throw new InvalidArgumentError(`An aggregation query needs between 1 and ${MAX_AGGREGATIONS} aggregations.`);
  }
  const result: Record<string, Value> = {};
  aggregations.forEach((aggregation, i) => {
    const alias = aliasOf(aggregation, aggregations, i);
    if (Object.hasOwn(result, alias)) throw new InvalidArgumentError(`Duplicate aggregation alias '${alias}'.`);
    result[alias] = aggregate(documents, aggregation);
  });
  return result;
}

/** Unnamed aggregations are called field_1, field_2, ... in order, as the backend names them. */
function aliasOf(aggregation: Aggregation, all: readonly Aggregation[], index: number): string {
  if (aggregation.alias) return aggregation.alias;
  const unnamedBefore = all.slice(0, index).filter((other) => !other.alias).length;
  return `field_${unnamedBefore + 1}`;
}

function aggregate(documents: readonly StoredDocument[], aggregation: Aggregation): Value {
  if (aggregation.count) return count(documents, aggregation.count.upTo);
  if (aggregation.sum) return sum(numericTotals(documents, compileDocumentField(aggregation.sum.field)));
  if (aggregation.avg) return average(numericTotals(documents, compileDocumentField(aggregation.avg.field)));
  throw new InvalidArgumentError('An aggregation must be a count, sum or avg.');
}

function count(documents: readonly StoredDocument[], upTo: { value?: string | number } | undefined): Value {
  if (upTo === undefined) return { integerValue: String(documents.length) };
  // Int64Value(0) arrives as an empty message.
  const bound = BigInt(upTo.value ?? 0);
  if (bound <= 0n) throw new InvalidArgumentError('count up_to must be greater than zero.');
  const counted = BigInt(documents.length);
  return { integerValue: String(counted < bound ? counted : bound) };
}

interface NumericTotals {
  count: number;
  /** Exact while every value is an integer. */
  integerSum: bigint;
  doubleSum: number;
  allIntegers: boolean;
}

function numericTotals(documents: readonly StoredDocument[], field: DocumentField): NumericTotals {
  const totals: NumericTotals = { count: 0, integerSum: 0n, doubleSum: 0, allIntegers: true };
  for (const document of documents) {
    const value = field.read(document);
    if (value?.integerValue !== undefined) {
      totals.integerSum += BigInt(value.integerValue);
      totals.doubleSum += Number(value.integerValue);
    } else if (value?.doubleValue !== undefined) {
      totals.allIntegers = false;
      totals.doubleSum += Number(value.doubleValue);
    } else {
      continue;
    }
    totals.count++;
  }
  return totals;
}

/** The most precise double for the total: the exact integer sum when there is one. */
function doubleTotal(totals: NumericTotals): number {
  return totals.allIntegers ? Number(totals.integerSum) : totals.doubleSum;
}

function sum(totals: NumericTotals): Value {
  if (totals.allIntegers && totals.integerSum >= INT64_MIN && totals.integerSum <= INT64_MAX) {
    return { integerValue: String(totals.integerSum) };
  }
  return { doubleValue: doubleTotal(totals) };
}

function average(totals: NumericTotals): Value {
  if (totals.count === 0) return { nullValue: 'NULL_VALUE' };
  return { doubleValue: doubleTotal(totals) / totals.count };
}
