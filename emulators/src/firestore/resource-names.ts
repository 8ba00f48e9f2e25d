import { InvalidArgumentError } from './errors.ts';

/** `projects/{project}/databases/{database}`: the unit of isolation and of reset. */
export type DatabaseName = string;

export interface DocumentName {
  database: DatabaseName;
  /** Alternating collection ids and document ids; always an even, non-zero count. */
  segments: string[];
  /** The full resource name, normalised. */
  name: string;
}

/** Where a query, a listing or a collection-id listing starts: the database root or a document. */
export interface ParentName {
  database: DatabaseName;
  /** Empty for the root. */
  segments: string[];
  /** `{database}/documents[/{document path}]` */
  name: string;
}

const DATABASE_ID = /^(\(default\)|[a-z][a-z0-9-]{0,61}[a-z0-9]|[a-z])$/;
const RESERVED_ID = /^__.*__$/;
const MAX_SEGMENT_BYTES = 1500;

export function parseDatabaseName(name: unknown): DatabaseName {
  if (typeof name !== 'string' || name === '') throw new InvalidArgumentError('Missing database name.');
  const parts = name.split('/');
  if (parts.length !== 4 || parts[0] !== 'projects' || parts[2] !== 'databases') {
    throw new InvalidArgumentError(`Invalid database name: "${name}". Expected projects/{project_id}/databases/{database_id}.`);
  }
  validateProjectId(parts[1]!, name);
  if (!DATABASE_ID.test(parts[3]!)) throw new InvalidArgumentError(`Invalid database id in "${name}".`);
  return name;
}

function validateProjectId(projectId: string, name: string): void {
  if (projectId === '' || /\s/.test(projectId)) throw new InvalidArgumentError(`Invalid project id in "${name}".`);
}

/** Splits `{database}/documents[/rest]`, checking the database part and every path segment. */
function splitPath(name: unknown, what: string): { database: DatabaseName; segments: string[] } {
  if (typeof name !== 'string' || name === '') throw new InvalidArgumentError(`Missing ${what} name.`);
  const parts = name.split('/');
  if (parts.length < 5 || parts[4] !== 'documents') {
    throw new InvalidArgumentError(`Invalid ${what} name: "${name}". Expected projects/{project_id}/databases/{database_id}/documents/...`);
  }
  const database = parseDatabaseName(parts.slice(0, 4).join('/'));
  const segments = parts.slice(5);
  for (const segment of segments) validateSegment(segment, name);
  return { database, segments };
}

function validateSegment(segment: string, name: string): void {
  if (segment === '') throw new InvalidArgumentError(`Invalid resource name "${name}": empty path segment.`);
  if (segment === '.' || segment === '..') throw new InvalidArgumentError(`Invalid resource name "${name}": "${segment}" is not a valid id.`);
  if (RESERVED_ID.test(segment)) throw new InvalidArgumentError(`Invalid resource name "${name}": id "${segment}" is reserved.`);
  if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) throw new InvalidArgumentError(`Invalid resource name "${name}": an id is longer than ${MAX_SEGMENT_BYTES} bytes.`);
}

export function parseDocumentName(name: unknown): DocumentName {
  const { database, segments } = splitPath(name, 'document');
  if (segments.length === 0 || segments.length % 2 !== 0) {
    throw new InvalidArgumentError(`Invalid document name: "${String(name)}". A document path needs an even number of segments.`);
  }
  return { database, segments, name: `${database}/documents/${segments.join('/')}` };
}

export function parseParentName(name: unknown): ParentName {
  const { database, segments } = splitPath(name, 'parent');
  if (segments.length % 2 !== 0) {
    throw new InvalidArgumentError(`Invalid parent: "${String(name)}". A parent is the database root or a document.`);
  }
  return { database, segments, name: [database, 'documents', ...segments].join('/') };
}

export function parseCollectionId(collectionId: unknown): string {
  return parseId(collectionId, 'collection');
}

export function parseDocumentId(documentId: unknown): string {
  return parseId(documentId, 'document');
}

function parseId(id: unknown, kind: string): string {
  if (typeof id !== 'string' || id === '') throw new InvalidArgumentError(`Missing ${kind} id.`);
  if (id.includes('/')) throw new InvalidArgumentError(`Invalid ${kind} id "${id}".`);
  validateSegment(id, id);
  return id;
}

/** The database a full resource name (document or parent) lives in. */
export function databaseOf(resourceName: string): DatabaseName {
  return resourceName.split('/', 4).join('/');
}

/** Rejects a resource that lives in a different database than the request names (real Firestore does too). */
export function requireSameDatabase(requestDatabase: DatabaseName, resource: { database: DatabaseName; name: string }): void {
  if (resource.database !== requestDatabase) {
    throw new InvalidArgumentError(`"${resource.name}" is not in the database "${requestDatabase}" named by the request.`);
  }
}
