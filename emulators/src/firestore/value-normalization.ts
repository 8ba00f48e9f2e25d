import { InvalidArgumentError } from './errors.ts';
import { parseDocumentName } from './resource-names.ts';
import { INT64_MAX, INT64_MIN, typeOrder, TypeOrder, valueType } from './values.ts';
import { validateTimestamp } from './clock.ts';
import type { Value } from './types.ts';

/** Firestore's limit on nested maps and arrays. */
const MAX_DEPTH = 20;
const INT64 = /^-?\d{1,19}$/;
const RESERVED_FIELD_NAME = /^__.*__$/;
const MAX_FIELD_NAME_BYTES = 1500;
const VECTOR_TYPE_KEY = '__type__';

/**
 * Validates a value a client wants to store and returns it in the one canonical shape the engine
 * keeps: only the set oneof member (no proto-loader `valueType` hint), timestamps truncated to the
 * microsecond as Firestore stores them, int64 and seconds as strings. Canonical values make
 * "did this write change anything?" a plain structural comparison.
 */
export function normalizeValue(value: Value, depth = 0): Value {
  if (value === null || typeof value !== 'object') throw new InvalidArgumentError('A field value must be a Value message.');
  switch (valueType(value)) {
    case 'nullValue':
      return { nullValue: 'NULL_VALUE' };
    case 'booleanValue':
      return { booleanValue: Boolean(value.booleanValue) };
    case 'integerValue':
      return { integerValue: normalizeInteger(value.integerValue!) };
    case 'doubleValue':
      return { doubleValue: Number(value.doubleValue) };
    case 'timestampValue': {
      const { seconds, nanos } = validateTimestamp(value.timestampValue!, 'timestamp_value');
      return { timestampValue: { seconds: String(seconds), nanos: nanos - (nanos % 1000) } };
    }
    case 'stringValue':
      return { stringValue: String(value.stringValue) };
    case 'bytesValue':
      return { bytesValue: Buffer.from(value.bytesValue!) };
    case 'referenceValue':
      return { referenceValue: parseDocumentName(value.referenceValue).name };
    case 'geoPointValue':
      return { geoPointValue: normalizeGeoPoint(value.geoPointValue!) };
    case 'arrayValue':
      return { arrayValue: { values: (value.arrayValue!.values ?? []).map((element) => normalizeArrayElement(element, depth + 1)) } };
    case 'mapValue':
      return { mapValue: { fields: normalizeFields(value.mapValue!.fields ?? {}, depth + 1, typeOrder(value) === TypeOrder.vector) } };
  }
}

/** `isVector`: the map is a vector value, whose `__type__` key is the one reserved name allowed. */
export function normalizeFields(fields: Record<string, Value>, depth = 0, isVector = false): Record<string, Value> {
  if (depth > MAX_DEPTH) throw new InvalidArgumentError(`A value is nested deeper than the maximum depth of ${MAX_DEPTH} maps and arrays.`);
  if (fields === null || typeof fields !== 'object') throw new InvalidArgumentError('Document fields must be a map.');
  const normalized: Record<string, Value> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!(isVector && key === VECTOR_TYPE_KEY)) validateFieldName(key);
    normalized[key] = normalizeValue(value, depth);
  }
  return normalized;
}

/** document.proto: names matching __.*__ are reserved, and a name is 1 to 1,500 UTF-8 bytes. */
export function validateFieldName(name: string): void {
  if (name === '') throw new InvalidArgumentError('A field name cannot be empty.');
  if (RESERVED_FIELD_NAME.test(name)) throw new InvalidArgumentError(`Field name "${name}" is reserved.`);
  if (Buffer.byteLength(name) > MAX_FIELD_NAME_BYTES) throw new InvalidArgumentError(`A field name is longer than ${MAX_FIELD_NAME_BYTES} bytes.`);
}

function normalizeArrayElement(element: Value, depth: number): Value {
  if (depth > MAX_DEPTH) throw new InvalidArgumentError(`A value is nested deeper than the maximum depth of ${MAX_DEPTH} maps and arrays.`);
  if (element?.arrayValue !== undefined) throw new InvalidArgumentError('Cannot convert an array value in an array value.');
  return normalizeValue(element, depth);
}

function normalizeInteger(integer: string | number): string {
  const text = String(integer);
  if (!INT64.test(text)) throw new InvalidArgumentError(`Invalid integer value: ${text}.`);
  const parsed = BigInt(text);
  if (parsed > INT64_MAX || parsed < INT64_MIN) throw new InvalidArgumentError(`Integer value out of int64 range: ${text}.`);
  return parsed.toString();
}

function normalizeGeoPoint({ latitude = 0, longitude = 0 }: { latitude?: number; longitude?: number }) {
  if (!(latitude >= -90 && latitude <= 90)) throw new InvalidArgumentError(`Latitude must be in [-90, 90]: ${latitude}.`);
  if (!(longitude >= -180 && longitude <= 180)) throw new InvalidArgumentError(`Longitude must be in [-180, 180]: ${longitude}.`);
  return { latitude, longitude };
}
