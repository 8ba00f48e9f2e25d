/** A store with terse writers, and targets as the SDKs send them, for the Listen tests. */
import { vi } from 'vitest';
import { commitWrites } from './commit.ts';
import type { Target } from './listen-target.ts';
import { DocumentStore } from './store.ts';
import type { StructuredQuery, Value } from './types.ts';

export const DATABASE = 'projects/p/databases/(default)';
export const ROOT = `${DATABASE}/documents`;

export const int = (n: number): Value => ({ integerValue: String(n) });

export function nameOf(path: string): string {
  return `${ROOT}/${path}`;
}

export class TestStore extends DocumentStore {
  put(path: string, fields: Record<string, Value> = {}): void {
    commitWrites(this, DATABASE, [{ update: { name: nameOf(path), fields } }]);
  }

  remove(path: string): void {
    commitWrites(this, DATABASE, [{ delete: nameOf(path) }]);
  }

  /** Several writes in one commit. */
  putAll(documents: Record<string, Record<string, Value>>): void {
    commitWrites(
      this,
      DATABASE,
      Object.entries(documents).map(([path, fields]) => ({ update: { name: nameOf(path), fields } })),
    );
  }
}

export function documentsTarget(targetId: number, ...paths: string[]): Target {
  return { targetId, documents: { documents: paths.map(nameOf) } };
}

/** `collection` where score >= 0 ordered by score descending, optionally limited. */
export function topScoresQuery(collection: string, limit?: number): StructuredQuery {
  return {
    from: [{ collectionId: collection }],
    where: { fieldFilter: { field: { fieldPath: 'score' }, op: 'GREATER_THAN_OR_EQUAL', value: int(0) } },
    orderBy: [{ field: { fieldPath: 'score' }, direction: 'DESCENDING' }],
    ...(limit === undefined ? {} : { limit: { value: limit } }),
  };
}

export function queryTarget(targetId: number, structuredQuery: StructuredQuery): Target {
  return { targetId, query: { parent: ROOT, structuredQuery } };
}

/** Counts the change-feed subscriptions Listen streams open on `store` and how many are still open. */
export function trackSubscriptions(store: DocumentStore): { opened: number; active: number } {
  const counts = { opened: 0, active: 0 };
  const subscribe = store.onCommit.bind(store);
  vi.spyOn(store, 'onCommit').mockImplementation((listener) => {
    const unsubscribe = subscribe(listener);
    counts.opened++;
    counts.active++;
    let subscribed = true;
    return () => {
      if (subscribed) counts.active--;
      subscribed = false;
      unsubscribe();
    };
  });
  return counts;
}
