import { expect, test } from 'vitest';
import { parseDatabaseName, parseDocumentId, parseDocumentName, parseParentName } from './resource-names.ts';

const DB = 'projects/demo-1/databases/(default)';
const invalid = expect.objectContaining({ code: 3 });

test('parses databases, documents and parents', () => {
  expect(parseDatabaseName('projects/p/databases/named-db')).toBe('projects/p/databases/named-db');
  expect(parseDocumentName(`${DB}/documents/a/b/c/d`)).toEqual({ database: DB, segments: ['a', 'b', 'c', 'd'], name: `${DB}/documents/a/b/c/d` });
  expect(parseParentName(`${DB}/documents`).name).toBe(`${DB}/documents`);
  expect(parseParentName(`${DB}/documents/a/b`).segments).toEqual(['a', 'b']);
});

test.each([
  ['no name', undefined],
  ['not a resource name', 'garbage'],
  ['a collection, not a document', `${DB}/documents/a`],
  ['an empty segment', `${DB}/documents/a//b`],
  ['a reserved id', `${DB}/documents/a/__id__`],
  ['a dot id', `${DB}/documents/a/..`],
  ['an invalid database id', 'projects/p/databases/Upper/documents/a/b'],
  ['an id over 1,500 bytes', `${DB}/documents/a/${'x'.repeat(1501)}`],
])('a document name with %s is INVALID_ARGUMENT', (_label, name) => {
  expect(() => parseDocumentName(name)).toThrow(invalid);
});

test('a parent must be the root or a document; an id has no slash', () => {
  expect(() => parseParentName(`${DB}/documents/a`)).toThrow(invalid);
  expect(() => parseDocumentId('a/b')).toThrow(invalid);
});
