/** Builders for tests: terse wire values and stored documents. */
import type { StoredDocument, Value } from '../types.ts';

export const ROOT = 'projects/p/databases/(default)/documents';

export const nul: Value = { nullValue: 'NULL_VALUE' };
export const bool = (booleanValue: boolean): Value => ({ booleanValue });
export const int = (n: number | bigint | string): Value => ({ integerValue: String(n) });
export const dbl = (doubleValue: number): Value => ({ doubleValue });
export const ts = (seconds: number | string, nanos = 0): Value => ({ timestampValue: { seconds, nanos } });
export const str = (stringValue: string): Value => ({ stringValue });
export const bytes = (...octets: number[]): Value => ({ bytesValue: Buffer.from(octets) });
export const ref = (path: string): Value => ({ referenceValue: `${ROOT}/${path}` });
export const geo = (latitude: number, longitude: number): Value => ({ geoPointValue: { latitude, longitude } });
export const arr = (...values: Value[]): Value => ({ arrayValue: { values } });
export const map = (fields: Record<string, Value>): Value => ({ mapValue: { fields } });

export function storedDocument(path: string, fields: Record<string, Value> = {}): StoredDocument {
  return { name: `${ROOT}/${path}`, fields, createTime: { seconds: 1 }, updateTime: { seconds: 1 } };
}

/** The document paths relative to ROOT, for readable assertions. */
export function pathsOf(documents: readonly StoredDocument[]): string[] {
  return documents.map((document) => document.name.slice(ROOT.length + 1));
}
