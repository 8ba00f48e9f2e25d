import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { commitWrites } from './commit.ts';
import { exportDataFile, importDataFile, loadData } from './data-file.ts';
import { DocumentStore } from './store.ts';
import type { Value } from './types.ts';

const DOC = 'projects/p/databases/(default)/documents/c/every-type';
const OTHER_PROJECT_DOC = 'projects/q/databases/named-db/documents/c/d/sub/e';

const everyType: Record<string, Value> = {
  null: { nullValue: 'NULL_VALUE' },
  bool: { booleanValue: true },
  intMax: { integerValue: '9223372036854775807' },
  intMin: { integerValue: '-9223372036854775808' },
  double: { doubleValue: 0.1 },
  nan: { doubleValue: NaN },
  infinity: { doubleValue: -Infinity },
  negativeZero: { doubleValue: -0 },
  timestamp: { timestampValue: { seconds: '-62135596800', nanos: 1000 } },
  string: { stringValue: 'héllo 🌍' },
  bytes: { bytesValue: Buffer.from([0, 255, 1, 128]) },
  reference: { referenceValue: OTHER_PROJECT_DOC },
  geo: { geoPointValue: { latitude: -90, longitude: 179.5 } },
  array: { arrayValue: { values: [{ integerValue: '1' }, { mapValue: { fields: {} } }] } },
  map: { mapValue: { fields: { 'dotted.key': { arrayValue: { values: [] } } } } },
};

let directory: string | undefined;
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

test('export then import reproduces every document of every database exactly', async () => {
  const original = new DocumentStore();
  commitWrites(original, 'projects/p/databases/(default)', [{ update: { name: DOC, fields: everyType } }]);
  commitWrites(original, 'projects/q/databases/named-db', [{ update: { name: OTHER_PROJECT_DOC, fields: {} } }]);
  directory = await mkdtemp(join(tmpdir(), 'firestore-export-'));
  const file = join(directory, 'export.json');
  await exportDataFile(original, file);

  const restored = new DocumentStore();
  await importDataFile(restored, file);
  expect(restored.get(DOC)).toEqual(original.get(DOC));
  expect(Object.is(restored.get(DOC)?.fields.negativeZero?.doubleValue, -0)).toBe(true);
  expect(restored.get(OTHER_PROJECT_DOC)).toEqual(original.get(OTHER_PROJECT_DOC));

  const json = JSON.parse(await readFile(file, 'utf8'));
  expect(json).toMatchObject({ format: 'plaza-firestore-export', version: 1 });
  expect(json.documents[0].fields.intMax).toEqual({ integerValue: '9223372036854775807' });
  expect(json.documents[0].fields.timestamp).toEqual({ timestampValue: '0001-01-01T00:00:00.000001Z' });
});

test('import replaces existing data and tells listeners', async () => {
  const store = new DocumentStore();
  commitWrites(store, 'projects/p/databases/(default)', [{ update: { name: `${DOC}-old`, fields: {} } }]);
  const events: string[] = [];
  store.onCommit((commit) => events.push(...commit.changes.map((c) => `${c.after ? 'put' : 'delete'} ${c.name.split('/').pop()}`)));
  directory = await mkdtemp(join(tmpdir(), 'firestore-export-'));
  const file = join(directory, 'seed.json');
  await writeFile(file, JSON.stringify({ format: 'plaza-firestore-export', version: 1, documents: [{ name: DOC, fields: { n: { integerValue: '1' } } }] }));
  await importDataFile(store, file);
  expect(store.get(`${DOC}-old`)).toBeUndefined();
  expect(store.get(DOC)?.fields).toEqual({ n: { integerValue: '1' } });
  expect(events).toEqual(['delete every-type-old', 'put every-type']);
});

test('a malformed export is refused before anything is replaced', () => {
  const store = new DocumentStore();
  commitWrites(store, 'projects/p/databases/(default)', [{ update: { name: DOC, fields: {} } }]);
  expect(() => loadData(store, { format: 'plaza-firestore-export', version: 2, documents: [] })).toThrow(/version/);
  expect(() => loadData(store, { format: 'plaza-firestore-export', version: 1, documents: [{ name: DOC, fields: { x: { integerValue: 'one' } } }] })).toThrow(/every-type/);
  expect(() => loadData(store, { format: 'plaza-firestore-export', version: 1, documents: [{ name: 'c/d' }] })).toThrow(/Invalid document name/);
  expect(store.get(DOC)).toBeDefined();
});
