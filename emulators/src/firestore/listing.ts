import { InvalidArgumentError } from './errors.ts';
import type { StoredDocument } from './types.ts';
import { compareResourceNames, compareUtf8Strings } from './values.ts';

/** A page of names: where ListDocuments and ListCollectionIds both resume after the last item returned. */
export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

/** Page tokens are opaque to clients; ours carry the last key of the previous page. */
export function paginate<T>(sorted: readonly T[], keyOf: (item: T) => string, compare: (a: string, b: string) => number, pageSize: number | undefined, pageToken: string | undefined): Page<T> {
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 0)) throw new InvalidArgumentError('page_size must be a non-negative integer.');
  let start = 0;
  if (pageToken) {
    const after = Buffer.from(pageToken, 'base64url').toString('utf8');
    start = sorted.findIndex((item) => compare(keyOf(item), after) > 0);
    if (start === -1) start = sorted.length;
  }
  const end = pageSize ? start + pageSize : sorted.length;
  const items = sorted.slice(start, end);
  const nextPageToken = end < sorted.length && items.length ? Buffer.from(keyOf(items.at(-1)!), 'utf8').toString('base64url') : '';
  return { items, nextPageToken };
}

/** A listed document: a stored one, or (with show_missing) just the name of one that does not exist. */
export type ListedDocument = StoredDocument | { name: string };

/**
 * The children of `collectionPrefix` (`{parent}/{collectionId}/`), in name order. With
 * `showMissing`, also the ids that have no document but do have documents below them.
 */
export function listCollectionDocuments(all: readonly StoredDocument[], collectionPrefix: string, showMissing: boolean): ListedDocument[] {
  const children = new Map<string, ListedDocument>();
  const ancestors = new Set<string>();
  for (const document of all) {
    if (!document.name.startsWith(collectionPrefix)) continue;
    const slash = document.name.indexOf('/', collectionPrefix.length);
    if (slash === -1) children.set(document.name, document);
    else ancestors.add(document.name.slice(0, slash));
  }
  if (showMissing) {
    for (const name of ancestors) if (!children.has(name)) children.set(name, { name });
  }
  return [...children.values()].sort((a, b) => compareResourceNames(a.name, b.name));
}

/** The ids of collections directly under `parentPrefix` (`{parent}/`) that hold a document at any depth, sorted. */
export function listCollectionIds(all: readonly StoredDocument[], parentPrefix: string): string[] {
  const ids = new Set<string>();
  for (const document of all) {
    if (document.name.startsWith(parentPrefix)) ids.add(document.name.slice(parentPrefix.length, document.name.indexOf('/', parentPrefix.length)));
  }
  return [...ids].sort(compareUtf8Strings);
}
