/**
 * Firestore's total order over values, as the backend defines it (and as the official clients
 * mirror it in their `order` modules).
 */
import { InvalidArgumentError } from './errors.ts';
import type { Timestamp, Value, ValueType } from './types.ts';

export const TypeOrder = {
  null: 0,
  boolean: 1,
  number: 2,
  timestamp: 3,
  string: 4,
  bytes: 5,
  reference: 6,
  geoPoint: 7,
  array: 8,
  vector: 9,
  map: 10,
} as const;
export type TypeOrder = (typeof TypeOrder)[keyof typeof TypeOrder];

export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);

/** The Value oneof member that is set; proto-loader's `valueType` hint is absent on hand-built values. */
export function valueType(v: Value): ValueType {
  if (v.nullValue !== undefined) return 'nullValue';
  if (v.booleanValue !== undefined) return 'booleanValue';
  if (v.integerValue !== undefined) return 'integerValue';
  if (v.doubleValue !== undefined) return 'doubleValue';
  if (v.timestampValue !== undefined) return 'timestampValue';
  if (v.stringValue !== undefined) return 'stringValue';
  if (v.bytesValue !== undefined) return 'bytesValue';
  if (v.referenceValue !== undefined) return 'referenceValue';
  if (v.geoPointValue !== undefined) return 'geoPointValue';
  if (v.arrayValue !== undefined) return 'arrayValue';
  if (v.mapValue !== undefined) return 'mapValue';
  throw new InvalidArgumentError('A Value must have exactly one of its value types set.');
}

/** Vectors travel as maps tagged `__type__: "__vector__"` and sort between arrays and maps. */
function isVectorValue(v: Value): boolean {
  return v.mapValue?.fields?.['__type__']?.stringValue === '__vector__';
}

export function typeOrder(v: Value): TypeOrder {
  switch (valueType(v)) {
    case 'nullValue':
      return TypeOrder.null;
    case 'booleanValue':
      return TypeOrder.boolean;
    case 'integerValue':
    case 'doubleValue':
      return TypeOrder.number;
    case 'timestampValue':
      return TypeOrder.timestamp;
    case 'stringValue':
      return TypeOrder.string;
    case 'bytesValue':
      return TypeOrder.bytes;
    case 'referenceValue':
      return TypeOrder.reference;
    case 'geoPointValue':
      return TypeOrder.geoPoint;
    case 'arrayValue':
      return TypeOrder.array;
    case 'mapValue':
      return isVectorValue(v) ? TypeOrder.vector : TypeOrder.map;
  }
}

export function isNumber(v: Value): boolean {
  return v.integerValue !== undefined || v.doubleValue !== undefined;
}

export function isNaNValue(v: Value): boolean {
  return v.doubleValue !== undefined && Number.isNaN(v.doubleValue);
}

/** Compares two values in Firestore's total order: -1, 0 or 1. */
export function compareValues(a: Value, b: Value): number {
  const leftOrder = typeOrder(a);
  const rightOrder = typeOrder(b);
  if (leftOrder !== rightOrder) return leftOrder < rightOrder ? -1 : 1;
  switch (leftOrder) {
    case TypeOrder.null:
      return 0;
    case TypeOrder.boolean:
      return comparePrimitives(Number(a.booleanValue), Number(b.booleanValue));
    case TypeOrder.number:
      return compareNumberValues(a, b);
    case TypeOrder.timestamp:
      return compareTimestamps(a.timestampValue!, b.timestampValue!);
    case TypeOrder.string:
      return compareUtf8Strings(a.stringValue!, b.stringValue!);
    case TypeOrder.bytes:
      return Math.sign(Buffer.compare(a.bytesValue!, b.bytesValue!));
    case TypeOrder.reference:
      return compareResourceNames(a.referenceValue!, b.referenceValue!);
    case TypeOrder.geoPoint:
      return (
        compareDoubles(a.geoPointValue!.latitude ?? 0, b.geoPointValue!.latitude ?? 0) ||
        compareDoubles(a.geoPointValue!.longitude ?? 0, b.geoPointValue!.longitude ?? 0)
      );
    case TypeOrder.array:
      return compareArrays(a.arrayValue!.values ?? [], b.arrayValue!.values ?? []);
    case TypeOrder.vector:
      return compareVectors(a, b);
    case TypeOrder.map:
      return compareMaps(a.mapValue!.fields ?? {}, b.mapValue!.fields ?? {});
  }
}

/**
 * Equality in the total order: 1 equals 1.0, -0 equals 0 and NaN equals NaN. Filters must still
 * refuse to match NaN with `==`, `in` and `array-contains`; that rule lives with the filters.
 */
export function valuesEqual(a: Value, b: Value): boolean {
  return compareValues(a, b) === 0;
}

function comparePrimitives(a: number | bigint | string, b: number | bigint | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** NaN sorts before every other number and equals itself. */
function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  return 1;
}

// Integers below this many digits are exact as doubles, which keeps the common case off BigInt.
const SAFE_INTEGER_DIGITS = 15;

function compareNumberValues(a: Value, b: Value): number {
  const leftInt = a.integerValue;
  const rightInt = b.integerValue;
  if (leftInt !== undefined && rightInt !== undefined) {
    if (leftInt.length <= SAFE_INTEGER_DIGITS && rightInt.length <= SAFE_INTEGER_DIGITS) {
      return comparePrimitives(Number(leftInt), Number(rightInt));
    }
    return comparePrimitives(BigInt(leftInt), BigInt(rightInt));
  }
  if (leftInt !== undefined) return compareIntegerToDouble(leftInt, Number(b.doubleValue));
  if (rightInt !== undefined) return 0 - compareIntegerToDouble(rightInt, Number(a.doubleValue));
  return compareDoubles(Number(a.doubleValue), Number(b.doubleValue));
}

/**
 * Exact even beyond 2^53: rounding to the nearest double is monotonic, so a rounded integer that
 * differs from the double orders the same way; when they coincide the double is an integer and
 * BigInt compares both exactly.
 */
function compareIntegerToDouble(integer: string, double: number): number {
  if (Number.isNaN(double)) return 1;
  const rounded = Number(integer);
  if (rounded !== double) return rounded < double ? -1 : 1;
  return comparePrimitives(BigInt(integer), BigInt(double));
}

function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return (
    comparePrimitives(Number(a.seconds ?? 0), Number(b.seconds ?? 0)) ||
    comparePrimitives(a.nanos ?? 0, b.nanos ?? 0)
  );
}

/**
 * Orders strings by their UTF-8 bytes without encoding them. UTF-16 code units already order like
 * UTF-8 except that surrogates (code points above U+FFFF, four UTF-8 bytes) must sort after every
 * other unit, including U+E000..U+FFFF which UTF-16 places above them.
 */
export function compareUtf8Strings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const left = a.charCodeAt(i);
    const right = b.charCodeAt(i);
    if (left === right) continue;
    const leftSurrogate = isSurrogate(left);
    if (leftSurrogate === isSurrogate(right)) return left < right ? -1 : 1;
    return leftSurrogate ? 1 : -1;
  }
  return comparePrimitives(a.length, b.length);
}

function isSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdfff;
}

/** Compares resource names segment by segment, so `a/b` sorts before `a-b/c` although '-' < '/'. */
export function compareResourceNames(a: string, b: string): number {
  // Names are compared on every sort step, so find the one segment that differs instead of splitting.
  const length = Math.min(a.length, b.length);
  let firstDifference = 0;
  while (firstDifference < length && a.charCodeAt(firstDifference) === b.charCodeAt(firstDifference)) firstDifference++;
  if (firstDifference === length) return comparePrimitives(a.length, b.length);
  const segmentStart = firstDifference === 0 ? 0 : a.lastIndexOf('/', firstDifference - 1) + 1;
  return compareIdSegments(segmentAt(a, segmentStart), segmentAt(b, segmentStart));
}

function segmentAt(name: string, start: number): string {
  const end = name.indexOf('/', start);
  return name.slice(start, end === -1 ? name.length : end);
}

// Datastore-style numeric ids (`__id42__`) sort numerically and before every string id.
const NUMERIC_ID = /^__id(-?\d+)__$/;

function compareIdSegments(a: string, b: string): number {
  if (a === b) return 0;
  const leftNumeric = NUMERIC_ID.exec(a)?.[1];
  const rightNumeric = NUMERIC_ID.exec(b)?.[1];
  if (leftNumeric !== undefined && rightNumeric !== undefined) {
    return comparePrimitives(BigInt(leftNumeric), BigInt(rightNumeric));
  }
  if (leftNumeric !== undefined) return -1;
  if (rightNumeric !== undefined) return 1;
  return compareUtf8Strings(a, b);
}

function compareArrays(a: readonly Value[], b: readonly Value[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const comparison = compareValues(a[i]!, b[i]!);
    if (comparison !== 0) return comparison;
  }
  return comparePrimitives(a.length, b.length);
}

/** Vectors order by dimension first, then element by element. */
function compareVectors(a: Value, b: Value): number {
  const left = a.mapValue?.fields?.['value']?.arrayValue?.values ?? [];
  const right = b.mapValue?.fields?.['value']?.arrayValue?.values ?? [];
  return comparePrimitives(left.length, right.length) || compareArrays(left, right);
}

function compareMaps(a: Record<string, Value>, b: Record<string, Value>): number {
  const leftKeys = Object.keys(a).sort(compareUtf8Strings);
  const rightKeys = Object.keys(b).sort(compareUtf8Strings);
  const length = Math.min(leftKeys.length, rightKeys.length);
  for (let i = 0; i < length; i++) {
    const leftKey = leftKeys[i]!;
    const keyComparison = compareUtf8Strings(leftKey, rightKeys[i]!);
    if (keyComparison !== 0) return keyComparison;
    const valueComparison = compareValues(a[leftKey]!, b[leftKey]!);
    if (valueComparison !== 0) return valueComparison;
  }
  return comparePrimitives(leftKeys.length, rightKeys.length);
}
