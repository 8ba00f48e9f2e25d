/**
 * Field filters, with Firestore's matching rules:
 * - a missing field matches nothing, whatever the operator;
 * - `==`, ranges, `in` and `array-contains(-any)` only match values of the operand's type class
 *   (integers and doubles are one class), compared in the total order of values.ts;
 * - `!=` and `not-in` match any type but never null; a `not-in` list holding null matches nothing;
 * - a NaN operand is never equal to anything (ask with IS_NAN), yet ranges follow the total order,
 *   where NaN sorts below every number, as the client SDKs do when they match queries locally.
 */
import { InvalidArgumentError } from '../errors.ts';
import type { FieldOperator, FieldReference, StoredDocument, Value } from '../types.ts';
import { compareValues, isNaNValue, typeOrder, valueType } from '../values.ts';
import { compileDocumentField } from './document-field.ts';

export type DocumentPredicate = (document: StoredDocument) => boolean;
type ValuePredicate = (value: Value) => boolean;

export interface FieldFilterProto {
  field: FieldReference;
  op: FieldOperator;
  value: Value;
}

export function compileFieldFilter({ field, op, value }: FieldFilterProto): DocumentPredicate {
  const target = compileDocumentField(field);
  if (value === undefined) throw new InvalidArgumentError(`The filter on '${target.key}' has no value.`);
  valueType(value);
  if (target.isDocumentName) assertDocumentNameOperand(op, value);
  const matches = compileValuePredicate(op, value);
  return (document) => {
    const fieldValue = target.read(document);
    return fieldValue !== undefined && matches(fieldValue);
  };
}

export function isNullValue(value: Value): boolean {
  return value.nullValue !== undefined;
}

function compileValuePredicate(op: FieldOperator, operand: Value): ValuePredicate {
  switch (op) {
    case 'EQUAL':
      return equalTo(operand);
    case 'NOT_EQUAL': {
      const equal = equalTo(operand);
      return (value) => !isNullValue(value) && !equal(value);
    }
    case 'LESS_THAN':
      return inRange(operand, (comparison) => comparison < 0);
    case 'LESS_THAN_OR_EQUAL':
      return inRange(operand, (comparison) => comparison <= 0);
    case 'GREATER_THAN':
      return inRange(operand, (comparison) => comparison > 0);
    case 'GREATER_THAN_OR_EQUAL':
      return inRange(operand, (comparison) => comparison >= 0);
    case 'ARRAY_CONTAINS': {
      const equal = equalTo(operand);
      return (value) => arrayElements(value).some(equal);
    }
    case 'ARRAY_CONTAINS_ANY': {
      const equalToAny = equalToAnyOf(listOperand(op, operand));
      return (value) => arrayElements(value).some(equalToAny);
    }
    case 'IN':
      return equalToAnyOf(listOperand(op, operand));
    case 'NOT_IN': {
      const candidates = listOperand(op, operand);
      if (candidates.some(isNullValue)) return () => false;
      const equalToAny = equalToAnyOf(candidates);
      return (value) => !isNullValue(value) && !equalToAny(value);
    }
    default:
      throw new InvalidArgumentError(`Unsupported field filter operator '${String(op)}'.`);
  }
}

function equalTo(operand: Value): ValuePredicate {
  if (isNaNValue(operand)) return () => false;
  return (value) => compareValues(value, operand) === 0;
}

function equalToAnyOf(candidates: readonly Value[]): ValuePredicate {
  const predicates = candidates.map(equalTo);
  return (value) => predicates.some((equal) => equal(value));
}

function inRange(operand: Value, accepts: (comparison: number) => boolean): ValuePredicate {
  const operandType = typeOrder(operand);
  return (value) => typeOrder(value) === operandType && accepts(compareValues(value, operand));
}

function arrayElements(value: Value): readonly Value[] {
  return value.arrayValue?.values ?? [];
}

function listOperand(op: FieldOperator, operand: Value): readonly Value[] {
  const values = operand.arrayValue?.values;
  if (values === undefined || values.length === 0) {
    throw new InvalidArgumentError(`A '${op}' filter needs a non-empty array value.`);
  }
  values.forEach(valueType);
  return values;
}

function assertDocumentNameOperand(op: FieldOperator, operand: Value): void {
  if (op === 'ARRAY_CONTAINS' || op === 'ARRAY_CONTAINS_ANY') {
    throw new InvalidArgumentError(`'${op}' cannot be used on __name__.`);
  }
  const operands = op === 'IN' || op === 'NOT_IN' ? listOperand(op, operand) : [operand];
  if (!operands.every((value) => value.referenceValue !== undefined)) {
    throw new InvalidArgumentError('A filter on __name__ must compare with reference values.');
  }
}
