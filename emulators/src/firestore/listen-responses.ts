import type { status } from '@grpc/grpc-js';
import type { TargetDiff } from './listen-target-view.ts';
import type { StoredDocument, Timestamp } from './types.ts';

export type TargetChangeType = 'NO_CHANGE' | 'ADD' | 'REMOVE' | 'CURRENT' | 'RESET';

export interface TargetChange {
  targetChangeType: TargetChangeType;
  targetIds?: number[];
  cause?: { code: status; message: string };
  resumeToken?: Buffer;
  readTime?: Timestamp;
}

/** google.firestore.v1.ListenResponse, one member of its oneof set. */
export interface ListenResponse {
  targetChange?: TargetChange;
  documentChange?: { document: StoredDocument; targetIds: number[]; removedTargetIds?: number[] };
  documentDelete?: { document: string; removedTargetIds: number[]; readTime: Timestamp };
  documentRemove?: { document: string; removedTargetIds: number[]; readTime: Timestamp };
  filter?: { targetId: number; count: number };
}

export function targetChange(targetChangeType: TargetChangeType, targetIds: number[], details: Omit<TargetChange, 'targetChangeType' | 'targetIds'> = {}): ListenResponse {
  return { targetChange: { targetChangeType, ...(targetIds.length ? { targetIds } : {}), ...details } };
}

/**
 * The document messages for several targets' diffs at once, one message per document where the
 * targets agree on what it looks like, as the real service multiplexes them: the web SDK tracks
 * every target of a stream from the same messages.
 */
export function documentResponses(
  diffs: ReadonlyMap<number, TargetDiff>,
  exists: (name: string) => boolean,
  readTime: Timestamp,
): ListenResponse[] {
  const changes = new Map<StoredDocument, number[]>();
  const removals = new Map<string, number[]>();
  for (const [targetId, { changed, removed }] of diffs) {
    for (const document of changed) appendTo(changes, document, targetId);
    for (const name of removed) appendTo(removals, name, targetId);
  }
  const responses: ListenResponse[] = [];
  for (const [document, targetIds] of changes) {
    const removedTargetIds = removals.get(document.name);
    removals.delete(document.name);
    responses.push({ documentChange: { document, targetIds, ...(removedTargetIds ? { removedTargetIds } : {}) } });
  }
  for (const [document, removedTargetIds] of removals) {
    responses.push(exists(document) ? { documentRemove: { document, removedTargetIds, readTime } } : { documentDelete: { document, removedTargetIds, readTime } });
  }
  return responses;
}

function appendTo<Key>(map: Map<Key, number[]>, key: Key, targetId: number): void {
  const targetIds = map.get(key);
  if (targetIds) targetIds.push(targetId);
  else map.set(key, [targetId]);
}
