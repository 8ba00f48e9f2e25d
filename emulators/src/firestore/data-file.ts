/**
 * Export and import of all emulator data as ONE JSON file, for seeding and for snapshots of a
 * local session. Format (version 1):
 *
 *   {
 *     "format": "plaza-firestore-export",
 *     "version": 1,
 *     "documents": [
 *       {
 *         "name": "projects/p/databases/(default)/documents/users/alice",
 *         "createTime": "2024-05-01T12:00:00.123456Z",
 *         "updateTime": "2024-05-01T12:00:00.123456Z",
 *         "fields": { "age": { "integerValue": "42" }, "avatar": { "bytesValue": "iVBORw==" } }
 *       }
 *     ]
 *   }
 *
 * Fields use proto3 JSON (see value-json.ts), which keeps int64 exact, bytes and timestamps
 * lossless, and is what the REST API prints, so documents can be pasted from it. createTime and
 * updateTime are optional on import (they default to the import time). Documents of any number
 * of projects and databases share the file; their names say where they belong.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { microsToTimestamp } from './clock.ts';
import { InvalidArgumentError } from './errors.ts';
import { parseDocumentName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { StoredDocument, Timestamp } from './types.ts';
import { normalizeFields } from './value-normalization.ts';
import { fieldsFromJson, fieldsToJson, timestampFromJson, timestampToJson, type JsonValue } from './value-json.ts';
import { compareResourceNames } from './values.ts';

const DATA_FILE_FORMAT = 'plaza-firestore-export';
const DATA_FILE_VERSION = 1;

interface DocumentJson {
  name: string;
  createTime?: string;
  updateTime?: string;
  fields?: Record<string, JsonValue>;
}

interface DataFile {
  format: typeof DATA_FILE_FORMAT;
  version: typeof DATA_FILE_VERSION;
  documents: DocumentJson[];
}

function serializeData(store: DocumentStore): DataFile {
  const documents = store
    .databaseNames()
    .flatMap((database) => store.documents(database))
    .sort((a, b) => compareResourceNames(a.name, b.name))
    .map((document) => ({
      name: document.name,
      createTime: timestampToJson(document.createTime),
      updateTime: timestampToJson(document.updateTime),
      fields: fieldsToJson(document.fields),
    }));
  return { format: DATA_FILE_FORMAT, version: DATA_FILE_VERSION, documents };
}

/** Replaces everything in the store with the file's documents, in one commit per database. */
export function loadData(store: DocumentStore, data: unknown): void {
  const file = data as Partial<DataFile> | null;
  if (file?.format !== DATA_FILE_FORMAT) throw new InvalidArgumentError(`Not a ${DATA_FILE_FORMAT} file.`);
  if (file.version !== DATA_FILE_VERSION) throw new InvalidArgumentError(`Unsupported ${DATA_FILE_FORMAT} version ${String(file.version)}; expected ${DATA_FILE_VERSION}.`);
  if (!Array.isArray(file.documents)) throw new InvalidArgumentError('The export has no "documents" array.');
  const time = store.clock.commitTime();
  const byDatabase = new Map<string, StoredDocument[]>();
  for (const json of file.documents) {
    const document = documentFromJson(json as DocumentJson, microsToTimestamp(time));
    const database = parseDocumentName(document.name).database;
    byDatabase.set(database, [...(byDatabase.get(database) ?? []), document]);
  }
  store.clear();
  for (const [database, documents] of byDatabase) {
    store.apply(database, store.clock.commitTime(), documents.map((document) => ({ name: document.name, after: document })));
  }
}

function documentFromJson(json: DocumentJson, importTime: Timestamp): StoredDocument {
  if (json === null || typeof json !== 'object') throw new InvalidArgumentError('An exported document must be an object.');
  const name = parseDocumentName(json.name).name;
  try {
    return {
      name,
      fields: normalizeFields(fieldsFromJson(json.fields ?? {})),
      createTime: json.createTime ? timestampFromJson(json.createTime) : importTime,
      updateTime: json.updateTime ? timestampFromJson(json.updateTime) : importTime,
    };
  } catch (error) {
    throw new InvalidArgumentError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function exportDataFile(store: DocumentStore, file: string): Promise<void> {
  // Write beside the target and rename, so a crash never leaves half an export behind.
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(serializeData(store), null, 2)}\n`);
  await rename(temporary, file);
}

export async function importDataFile(store: DocumentStore, file: string): Promise<void> {
  loadData(store, JSON.parse(await readFile(file, 'utf8')));
}
