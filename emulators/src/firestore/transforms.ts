import { microsToTimestamp, type Micros } from './clock.ts';
import { InvalidArgumentError } from './errors.ts';
import { getField, parseFieldPath, setField } from './field-path.ts';
import type { ArrayValue, Value } from './types.ts';
import { normalizeValue, validateFieldName } from './value-normalization.ts';
import { compareValues, INT64_MAX, INT64_MIN, isNaNValue, isNumber, valuesEqual } from './values.ts';

/** google.firestore.v1.DocumentTransform.FieldTransform as decoded. */
export interface FieldTransform {
  fieldPath?: string;
  setToServerValue?: 'SERVER_VALUE_UNSPECIFIED' | 'REQUEST_TIME';
  increment?: Value;
  maximum?: Value;
  minimum?: Value;
  appendMissingElements?: ArrayValue;
  removeAllFromArray?: ArrayValue;
}

export interface TransformOutcome {
  fields: Record<string, Value>;
  /** What the client reports back for the field (null for the array operations). */
  result: Value;
}

const NULL: Value = { nullValue: 'NULL_VALUE' };

/** Applies one server-side transform, with the semantics write.proto documents for each. */
export function applyFieldTransform(fields: Record<string, Value>, transform: FieldTransform, commitTime: Micros): TransformOutcome {
  if (typeof transform.fieldPath !== 'string') throw new InvalidArgumentError('A field transform needs a field_path.');
  const path = parseFieldPath(transform.fieldPath);
  path.forEach(validateFieldName);
  const current = getField(fields, path);
  const apply = (value: Value, result = value): TransformOutcome => ({ fields: setField(fields, path, value), result });

  if (transform.setToServerValue !== undefined) {
    if (transform.setToServerValue !== 'REQUEST_TIME') throw new InvalidArgumentError(`Unsupported server value: ${transform.setToServerValue}.`);
    return apply({ timestampValue: microsToTimestamp(commitTime) });
  }
  if (transform.increment !== undefined) return apply(increment(current, numericOperand(transform.increment, 'increment')));
  if (transform.maximum !== undefined) return apply(extreme(current, numericOperand(transform.maximum, 'maximum'), 1));
  if (transform.minimum !== undefined) return apply(extreme(current, numericOperand(transform.minimum, 'minimum'), -1));
  if (transform.appendMissingElements !== undefined) {
    return apply({ arrayValue: { values: appendMissing(arrayElements(current), elementsOf(transform.appendMissingElements)) } }, NULL);
  }
  if (transform.removeAllFromArray !== undefined) {
    const removed = elementsOf(transform.removeAllFromArray);
    const values = arrayElements(current).filter((element) => !removed.some((r) => valuesEqual(r, element)));
    return apply({ arrayValue: { values } }, NULL);
  }
  throw new InvalidArgumentError(`The transform of '${transform.fieldPath}' names no operation.`);
}

function numericOperand(operand: Value, operation: string): Value {
  const value = normalizeValue(operand);
  if (!isNumber(value)) throw new InvalidArgumentError(`The ${operation} operand must be an integer or a double.`);
  return value;
}

/** Integer overflow saturates at the int64 bounds, as write.proto specifies. */
function increment(current: Value | undefined, operand: Value): Value {
  if (current === undefined || !isNumber(current)) return operand;
  if (current.integerValue !== undefined && operand.integerValue !== undefined) {
    const sum = BigInt(current.integerValue) + BigInt(operand.integerValue);
    const clamped = sum > INT64_MAX ? INT64_MAX : sum < INT64_MIN ? INT64_MIN : sum;
    return { integerValue: clamped.toString() };
  }
  return { doubleValue: asDouble(current) + asDouble(operand) };
}

function asDouble(value: Value): number {
  return value.integerValue !== undefined ? Number(value.integerValue) : value.doubleValue!;
}

/**
 * maximum (direction 1) or minimum (-1): NaN wins over any number, equivalent values (3 and 3.0,
 * 0 and -0.0) keep the stored one, otherwise the winner keeps its own type.
 */
function extreme(current: Value | undefined, operand: Value, direction: 1 | -1): Value {
  if (current === undefined || !isNumber(current)) return operand;
  if (isNaNValue(current)) return current;
  if (isNaNValue(operand)) return operand;
  return compareValues(operand, current) * direction > 0 ? operand : current;
}

function arrayElements(value: Value | undefined): Value[] {
  return value?.arrayValue?.values ?? [];
}

function elementsOf(array: ArrayValue): Value[] {
  return normalizeValue({ arrayValue: array }).arrayValue!.values ?? [];
}

/** Equivalent numbers count as present (3 matches 3.0) and NaN matches NaN, as valuesEqual defines. */
function appendMissing(existing: Value[], additions: Value[]): Value[] {
  const result = [...existing];
  for (const addition of additions) {
    if (!result.some((element) => valuesEqual(element, addition))) result.push(addition);
  }
  return result;
}
