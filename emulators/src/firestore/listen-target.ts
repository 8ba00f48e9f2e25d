import type { Micros } from './clock.ts';
import { InvalidArgumentError } from './errors.ts';
import { compileQuery } from './query/index.ts';
import { parseDocumentName, parseParentName, requireSameDatabase, type DatabaseName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { StoredDocument, StructuredQuery } from './types.ts';

/** google.firestore.v1.Target as decoded. */
export interface Target {
  query?: { parent?: string; structuredQuery?: StructuredQuery };
  documents?: { documents?: string[] };
  resumeToken?: Uint8Array;
  readTime?: { seconds?: string | number; nanos?: number };
  targetId?: number;
  once?: boolean;
  expectedCount?: { value?: number };
}

/** What a target selects from the store, whichever kind of target it is. */
export interface TargetSelection {
  /** The target's documents as of `at` (default: now), as the client must see them. */
  read(at?: Micros): StoredDocument[];
  /** Whether a change to this document could change the target at all. */
  touches(name: string): boolean;
  /**
   * For targets whose membership depends on each document alone: the document as the target
   * shows it, or undefined when it does not belong. Absent when membership also depends on the
   * other documents (limit, offset), which forces a re-read.
   */
  member?: (document: StoredDocument) => StoredDocument | undefined;
}

/** Throws InvalidArgumentError for a target Firestore would reject; the stream reports that on the target alone. */
export function selectTarget(store: DocumentStore, database: DatabaseName, target: Target): TargetSelection {
  if (target.documents && target.query) throw new InvalidArgumentError('A target must have exactly one of documents or query.');
  if (target.documents) return selectDocuments(store, database, target.documents.documents ?? []);
  if (target.query) return selectQuery(store, database, target.query);
  throw new InvalidArgumentError('A target must have documents or a query.');
}

function selectDocuments(store: DocumentStore, database: DatabaseName, rawNames: readonly string[]): TargetSelection {
  if (rawNames.length === 0) throw new InvalidArgumentError('A documents target must name at least one document.');
  const names = new Set(
    rawNames.map((raw) => {
      const name = parseDocumentName(raw);
      requireSameDatabase(database, name);
      return name.name;
    }),
  );
  return {
    read: (at) => [...names].flatMap((name) => store.get(name, at) ?? []),
    touches: (name) => names.has(name),
    member: (document) => document,
  };
}

function selectQuery(store: DocumentStore, database: DatabaseName, target: NonNullable<Target['query']>): TargetSelection {
  const parent = parseParentName(target.parent);
  requireSameDatabase(database, parent);
  if (!target.structuredQuery) throw new InvalidArgumentError('A query target needs a structured query.');
  const query = compileQuery(parent.name, target.structuredQuery);
  const below = `${parent.name}/`;
  const orderDependent = target.structuredQuery.limit !== undefined || (target.structuredQuery.offset ?? 0) > 0;
  return {
    read: (at) => query.run(store.documents(database, at, below)),
    touches: (name) => name.startsWith(below),
    ...(orderDependent ? {} : { member: (document: StoredDocument) => (query.matches(document) ? query.project(document) : undefined) }),
  };
}
