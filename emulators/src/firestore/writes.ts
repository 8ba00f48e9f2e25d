import { isDeepStrictEqual } from 'node:util';
import { microsToTimestamp, timestampToMicros, type Micros } from './clock.ts';
import { assertDocumentFits } from './document-size.ts';
import { AlreadyExistsError, FailedPreconditionError, InvalidArgumentError, NotFoundError } from './errors.ts';
import { compareFieldPaths, deleteField, getField, parseFieldPath, setField } from './field-path.ts';
import { parseDocumentName, requireSameDatabase, type DatabaseName } from './resource-names.ts';
import { applyFieldTransform, type FieldTransform } from './transforms.ts';
import type { StoredDocument, Timestamp, Value } from './types.ts';
import { normalizeFields, validateFieldName } from './value-normalization.ts';

/** google.firestore.v1.Precondition as decoded. */
export interface Precondition {
  exists?: boolean;
  updateTime?: Timestamp;
}

/** google.firestore.v1.Write as decoded. */
export interface Write {
  update?: { name?: string; fields?: Record<string, Value> };
  delete?: string;
  transform?: { document?: string; fieldTransforms?: FieldTransform[] };
  updateMask?: { fieldPaths?: string[] };
  updateTransforms?: FieldTransform[];
  currentDocument?: Precondition;
}

/** google.firestore.v1.WriteResult. */
export interface WriteResult {
  updateTime?: Timestamp;
  transformResults?: Value[];
}

export interface AppliedWrite {
  name: string;
  /** The document after the write; undefined when it does not exist. */
  document: StoredDocument | undefined;
  result: WriteResult;
}

/** The name of the document a write targets, checked to be in the request's database. */
export function writeTarget(write: Write, database: DatabaseName): string {
  const operations = [write.update, write.delete, write.transform].filter((operation) => operation !== undefined);
  if (operations.length !== 1) throw new InvalidArgumentError('A write must have exactly one of update, delete or transform.');
  const raw = write.update ? write.update.name : write.transform ? write.transform.document : write.delete;
  const name = parseDocumentName(raw);
  requireSameDatabase(database, name);
  return name.name;
}

/**
 * Applies one write to the document's current state at `commitTime`, or throws the status the
 * real service answers with. Pure: callers decide whether and when to store the result, which is
 * what makes a commit all-or-nothing.
 */
export function applyWrite(write: Write, name: string, current: StoredDocument | undefined, commitTime: Micros): AppliedWrite {
  checkPrecondition(write.currentDocument, name, current);
  if (write.delete !== undefined) {
    if (write.updateMask || write.updateTransforms) throw new InvalidArgumentError('A delete cannot have an update mask or transforms.');
    return { name, document: undefined, result: {} };
  }

  let fields = current?.fields ?? {};
  if (write.update) fields = updatedFields(fields, write.update.fields ?? {}, write.updateMask);
  else if (write.updateMask) throw new InvalidArgumentError('An update mask needs an update.');

  const transforms = write.transform ? (write.transform.fieldTransforms ?? []) : (write.updateTransforms ?? []);
  if (write.transform && transforms.length === 0) throw new InvalidArgumentError('A transform must have at least one field transform.');
  const transformResults: Value[] = [];
  for (const transform of transforms) {
    const outcome = applyFieldTransform(fields, transform, commitTime);
    fields = outcome.fields;
    transformResults.push(outcome.result);
  }

  const document = nextVersion(name, current, fields, commitTime);
  assertDocumentFits(document);
  const result: WriteResult = { updateTime: document.updateTime };
  if (transforms.length) result.transformResults = transformResults;
  return { name, document, result };
}

function checkPrecondition(precondition: Precondition | undefined, name: string, current: StoredDocument | undefined): void {
  if (!precondition) return;
  if (precondition.exists !== undefined) {
    if (precondition.exists && !current) throw new NotFoundError(`No document to update: ${name}`);
    if (!precondition.exists && current) throw new AlreadyExistsError(`Document already exists: ${name}`);
  } else if (precondition.updateTime !== undefined) {
    // The real service words it in microsecond versions; a missing document has version 0.
    const required = timestampToMicros(precondition.updateTime, 'update_time precondition');
    const stored = current ? timestampToMicros(current.updateTime) : 0;
    if (stored !== required) {
      throw new FailedPreconditionError(`the stored version (${stored}) does not match the required base version (${required})`);
    }
  }
}

/**
 * Without a mask the update replaces every field. With one, only the masked paths change, and a
 * masked path absent from the update deletes the field (how FieldValue.delete() travels).
 */
function updatedFields(current: Record<string, Value>, update: Record<string, Value>, mask: Write['updateMask']): Record<string, Value> {
  const incoming = normalizeFields(update);
  if (!mask) return incoming;
  let fields = current;
  for (const path of parseMask(mask.fieldPaths ?? [])) {
    const value = getField(incoming, path);
    fields = value === undefined ? deleteField(fields, path) : setField(fields, path, value);
  }
  return fields;
}

function parseMask(fieldPaths: string[]): string[][] {
  const paths = fieldPaths.map((fieldPath) => parseFieldPath(fieldPath)).sort(compareFieldPaths);
  paths.flat().forEach(validateFieldName);
  for (let i = 1; i < paths.length; i++) {
    const previous = paths[i - 1]!;
    if (previous.every((segment, j) => paths[i]![j] === segment)) {
      throw new InvalidArgumentError(`The update mask contains a field path and its prefix (or a duplicate): ${fieldPaths.join(', ')}.`);
    }
  }
  return paths;
}

/** A write that leaves the fields as they were keeps the old update time, as WriteResult documents. */
function nextVersion(name: string, current: StoredDocument | undefined, fields: Record<string, Value>, commitTime: Micros): StoredDocument {
  if (current && isDeepStrictEqual(current.fields, fields)) return current;
  const time = microsToTimestamp(commitTime);
  return { name, fields, createTime: current?.createTime ?? time, updateTime: time };
}
