import { InvalidArgumentError } from './errors.ts';
import type { Timestamp, Value } from './types.ts';
import { valueType } from './values.ts';

/**
 * Values in proto3 JSON form (as the REST API and `gcloud` print them): int64 as decimal strings,
 * bytes as base64, timestamps as RFC 3339 with up to nanosecond digits. Doubles JSON cannot hold
 * (NaN, ±Infinity, -0) are strings, which proto3 JSON parsers accept, so every value round-trips.
 */
export type JsonValue = Record<string, unknown>;

function valueToJson(value: Value): JsonValue {
  switch (valueType(value)) {
    case 'nullValue':
      return { nullValue: null };
    case 'booleanValue':
      return { booleanValue: value.booleanValue };
    case 'integerValue':
      return { integerValue: String(value.integerValue) };
    case 'doubleValue':
      return { doubleValue: doubleToJson(value.doubleValue!) };
    case 'timestampValue':
      return { timestampValue: timestampToJson(value.timestampValue!) };
    case 'stringValue':
      return { stringValue: value.stringValue };
    case 'bytesValue':
      return { bytesValue: Buffer.from(value.bytesValue!).toString('base64') };
    case 'referenceValue':
      return { referenceValue: value.referenceValue };
    case 'geoPointValue':
      return { geoPointValue: { latitude: value.geoPointValue!.latitude ?? 0, longitude: value.geoPointValue!.longitude ?? 0 } };
    case 'arrayValue':
      return { arrayValue: { values: (value.arrayValue!.values ?? []).map(valueToJson) } };
    case 'mapValue':
      return { mapValue: { fields: fieldsToJson(value.mapValue!.fields ?? {}) } };
  }
}

export function fieldsToJson(fields: Record<string, Value>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, valueToJson(value)]));
}

/** The inverse of valueToJson; the result still needs normalizeValue's validation. */
function valueFromJson(json: unknown): Value {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InvalidArgumentError(`Not a JSON Value: ${JSON.stringify(json)}.`);
  const entries = Object.entries(json);
  if (entries.length !== 1) throw new InvalidArgumentError(`A JSON Value needs exactly one member: ${JSON.stringify(json)}.`);
  const [kind, content] = entries[0]!;
  switch (kind) {
    case 'nullValue':
      return { nullValue: 'NULL_VALUE' };
    case 'booleanValue':
      return { booleanValue: expect(content, 'boolean', kind) };
    case 'integerValue':
      return { integerValue: String(content) };
    case 'doubleValue':
      return { doubleValue: Number(content) };
    case 'timestampValue':
      return { timestampValue: timestampFromJson(expect(content, 'string', kind)) };
    case 'stringValue':
      return { stringValue: expect(content, 'string', kind) };
    case 'bytesValue':
      return { bytesValue: Buffer.from(expect(content, 'string', kind), 'base64') };
    case 'referenceValue':
      return { referenceValue: expect(content, 'string', kind) };
    case 'geoPointValue': {
      const point = content as { latitude?: unknown; longitude?: unknown };
      return { geoPointValue: { latitude: Number(point?.latitude ?? 0), longitude: Number(point?.longitude ?? 0) } };
    }
    case 'arrayValue':
      return { arrayValue: { values: ((content as { values?: unknown[] })?.values ?? []).map(valueFromJson) } };
    case 'mapValue':
      return { mapValue: { fields: fieldsFromJson((content as { fields?: unknown })?.fields ?? {}) } };
    default:
      throw new InvalidArgumentError(`Unknown JSON Value type "${kind}".`);
  }
}

export function fieldsFromJson(json: unknown): Record<string, Value> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InvalidArgumentError('JSON fields must be an object.');
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, valueFromJson(value)]));
}

function doubleToJson(double: number): number | string {
  if (Object.is(double, -0)) return '-0';
  return Number.isFinite(double) ? double : String(double);
}

/** RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as proto3 JSON prints Timestamps. */
export function timestampToJson(timestamp: Timestamp): string {
  const seconds = Number(timestamp.seconds ?? 0);
  const nanos = timestamp.nanos ?? 0;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  const digits = String(nanos).padStart(9, '0');
  const fraction = nanos % 1_000_000 === 0 ? digits.slice(0, 3) : nanos % 1000 === 0 ? digits.slice(0, 6) : digits;
  return `${base}.${fraction}Z`;
}

const RFC3339_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

export function timestampFromJson(text: string): Timestamp {
  const match = RFC3339_UTC.exec(text);
  const millis = match ? Date.parse(`${match[1]}Z`) : NaN;
  if (!match || Number.isNaN(millis)) throw new InvalidArgumentError(`Not an RFC 3339 UTC timestamp: "${text}".`);
  return { seconds: String(millis / 1000), nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

function expect<T extends 'string' | 'boolean'>(content: unknown, type: T, kind: string): T extends 'string' ? string : boolean {
  if (typeof content !== type) throw new InvalidArgumentError(`${kind} must be a ${type}.`);
  return content as T extends 'string' ? string : boolean;
}
