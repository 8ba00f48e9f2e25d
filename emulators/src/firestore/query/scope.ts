/**
 * Which documents a query's `from` selects below its parent: the direct children of one collection,
 * or (all descendants) every document at any depth whose collection has that id, or every document
 * at all when the collection id is left out (the kindless query the node client's recursiveDelete sends).
 */
import { InvalidArgumentError } from '../errors.ts';
import type { StoredDocument, StructuredQuery } from '../types.ts';
import type { DocumentPredicate } from './filter.ts';

const QUERY_PARENT = /^projects\/[^/]+\/databases\/[^/]+\/documents(\/[^/]+\/[^/]+)*$/;

export function compileScope(parent: string, from: StructuredQuery['from']): DocumentPredicate {
  if (!QUERY_PARENT.test(parent)) {
    throw new InvalidArgumentError(`'${parent}' is neither a database's documents root nor a document name.`);
  }
  if (from?.length !== 1) throw new InvalidArgumentError('A query must select exactly one collection.');
  const { collectionId = '', allDescendants = false } = from[0]!;
  if (collectionId.includes('/')) throw new InvalidArgumentError(`Invalid collection id '${collectionId}'.`);
  if (!allDescendants && collectionId === '') {
    throw new InvalidArgumentError('A query over direct children must name their collection.');
  }
  const prefix = `${parent}/`;
  if (!allDescendants) {
    const collectionPrefix = `${prefix}${collectionId}/`;
    return (document) =>
      document.name.startsWith(collectionPrefix) && !document.name.includes('/', collectionPrefix.length);
  }
  if (collectionId === '') return (document) => document.name.startsWith(prefix);
  return (document) => document.name.startsWith(prefix) && collectionOf(document) === collectionId;
}

function collectionOf(document: StoredDocument): string {
  const idStart = document.name.lastIndexOf('/');
  return document.name.slice(document.name.lastIndexOf('/', idStart - 1) + 1, idStart);
}
