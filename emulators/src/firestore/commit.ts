import { microsToTimestamp } from './clock.ts';
import type { DatabaseName } from './resource-names.ts';
import type { DocumentStore } from './store.ts';
import type { StoredDocument, Timestamp } from './types.ts';
import { applyWrite, writeTarget, type Write, type WriteResult } from './writes.ts';

export interface CommitResult {
  commitTime: Timestamp;
  writeResults: WriteResult[];
}

/** Applies writes atomically and returns the commit's results; what Commit, the Write stream and the document RPCs share. */
export type CommitWrites = (database: DatabaseName, writes: readonly Write[]) => CommitResult;

/**
 * All writes take effect at one commit time, each seeing the ones before it; if any write fails
 * (bad input, precondition, size) the error propagates before the store is touched, so nothing
 * is applied.
 */
export function commitWrites(store: DocumentStore, database: DatabaseName, writes: readonly Write[]): CommitResult {
  const targets = writes.map((write) => writeTarget(write, database));
  const commitTime = store.clock.commitTime();
  const pending = new Map<string, StoredDocument | undefined>();
  const writeResults = writes.map((write, i) => {
    const name = targets[i]!;
    const current = pending.has(name) ? pending.get(name) : store.get(name);
    const applied = applyWrite(write, name, current, commitTime);
    pending.set(name, applied.document);
    return applied.result;
  });
  store.apply(database, commitTime, [...pending].map(([name, after]) => ({ name, after })));
  return { commitTime: microsToTimestamp(commitTime), writeResults };
}
