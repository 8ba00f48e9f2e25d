import { CommitClock, microsToTimestamp, type Micros } from './clock.ts';
import { databaseOf, type DatabaseName } from './resource-names.ts';
import type { StoredDocument, Timestamp } from './types.ts';

export interface DocumentChange {
  name: string;
  /** Absent when the document did not exist before the commit. */
  before?: StoredDocument;
  /** Absent when the commit deleted the document. */
  after?: StoredDocument;
}

export interface CommitEvent {
  database: DatabaseName;
  /** The commit time: a snapshot read at this time sees the changes. */
  readTime: Timestamp;
  changes: DocumentChange[];
}

export type CommitListener = (commit: CommitEvent) => void;

/** A document's state from `time` on; `document` undefined means deleted (or never existed). */
interface Version {
  time: Micros;
  document: StoredDocument | undefined;
}

/**
 * Firestore serves reads at any microsecond within the last hour; older versions are dropped as a
 * document is written again, so readers of the past get exact answers inside that window.
 */
export const VERSION_RETENTION_MICROS: Micros = 60 * 60 * 1_000_000;

/**
 * Every document version of every database, keyed by database resource name (so projects and
 * databases are isolated and can be reset alone), plus the change feed Listen streams follow.
 * It applies whole commits at once; deciding WHAT to commit (writes, preconditions, locks) is
 * done by its callers.
 */
export class DocumentStore {
  readonly clock: CommitClock;
  private readonly databases = new Map<DatabaseName, Map<string, Version[]>>();
  private readonly listeners = new Set<CommitListener>();

  constructor(clock = new CommitClock()) {
    this.clock = clock;
  }

  /** The document as of `at` (default: now), or undefined when it did not exist then. */
  get(name: string, at?: Micros): StoredDocument | undefined {
    const versions = this.databases.get(databaseOf(name))?.get(name);
    return versions && versionAt(versions, at)?.document;
  }

  /**
   * When the document last changed (created, updated or deleted); 0 if never. A transaction
   * compares this at read and at commit to detect writes it did not see.
   */
  lastChangeTime(name: string): Micros {
    return this.databases.get(databaseOf(name))?.get(name)?.at(-1)?.time ?? 0;
  }

  /** Every document that existed at `at` (default: now) whose name starts with `prefix`, unordered. */
  documents(database: DatabaseName, at?: Micros, prefix = `${database}/documents/`): StoredDocument[] {
    const result: StoredDocument[] = [];
    for (const [name, versions] of this.databases.get(database) ?? []) {
      if (!name.startsWith(prefix)) continue;
      const document = versionAt(versions, at)?.document;
      if (document) result.push(document);
    }
    return result;
  }

  databaseNames(): DatabaseName[] {
    return [...this.databases.keys()];
  }

  /**
   * Applies all changes at `time` (which must come from `clock.commitTime()`) and tells listeners.
   * Synchronous, so no reader ever sees half a commit. A change whose `after` is the very object
   * already stored (a write that changed nothing) leaves no version and no event.
   */
  apply(database: DatabaseName, time: Micros, changes: readonly { name: string; after?: StoredDocument }[]): void {
    let documents = this.databases.get(database);
    if (!documents) this.databases.set(database, (documents = new Map()));
    const applied: DocumentChange[] = [];
    for (const { name, after } of changes) {
      const versions = documents.get(name) ?? [];
      const before = versions.at(-1)?.document;
      if (before === after) continue;
      versions.push({ time, document: after });
      pruneVersions(versions, time - VERSION_RETENTION_MICROS);
      documents.set(name, versions);
      applied.push(withoutUndefined({ name, before, after }));
    }
    if (applied.length) this.emit({ database, readTime: microsToTimestamp(time), changes: applied });
  }

  /**
   * Deletes every document of one database, or of all of them. Listeners see the deletions as a
   * commit, so open Listen streams stay consistent with the data.
   */
  clear(database?: DatabaseName): void {
    const targets = database === undefined ? this.databaseNames() : [database];
    for (const target of targets) {
      const existing = this.documents(target);
      this.databases.delete(target);
      if (existing.length === 0) continue;
      const time = this.clock.commitTime();
      this.emit({ database: target, readTime: microsToTimestamp(time), changes: existing.map((before) => ({ name: before.name, before })) });
    }
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(commit: CommitEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(commit);
      } catch (error) {
        // One broken listener must not fail the commit that already happened, nor starve the others.
        console.error('firestore emulator: commit listener failed', error);
      }
    }
  }
}

function versionAt(versions: readonly Version[], at: Micros | undefined): Version | undefined {
  if (at === undefined) return versions.at(-1);
  for (let i = versions.length - 1; i >= 0; i--) {
    if (versions[i]!.time <= at) return versions[i];
  }
  return undefined;
}

/** Keeps the versions still readable after `horizon`: those newer, plus the one in force at it. */
function pruneVersions(versions: Version[], horizon: Micros): void {
  let firstKept = 0;
  while (firstKept + 1 < versions.length && versions[firstKept + 1]!.time <= horizon) firstKept++;
  if (firstKept > 0) versions.splice(0, firstKept);
}

function withoutUndefined(change: { name: string; before?: StoredDocument | undefined; after?: StoredDocument | undefined }): DocumentChange {
  const result: DocumentChange = { name: change.name };
  if (change.before) result.before = change.before;
  if (change.after) result.after = change.after;
  return result;
}
