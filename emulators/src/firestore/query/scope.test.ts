import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.ts';
import type { StructuredQuery } from '../types.ts';
import { compileScope } from './scope.ts';
import { pathsOf, ROOT, storedDocument } from './test-fixtures.ts';

const documents = [
  'users/u1',
  'users/u2',
  'users/u1/posts/p1',
  'users/u1/posts/p1/users/nested',
  'users2/x',
  'posts/p0',
  'other/o/users/u3',
].map((path) => storedDocument(path));

function inScope(parent: string, from: StructuredQuery['from']): string[] {
  return pathsOf(documents.filter(compileScope(parent, from)));
}

describe('compileScope', () => {
  it('selects the direct children of a collection', () => {
    expect(inScope(ROOT, [{ collectionId: 'users' }])).toEqual(['users/u1', 'users/u2']);
    expect(inScope(`${ROOT}/users/u1`, [{ collectionId: 'posts', allDescendants: false }])).toEqual(['users/u1/posts/p1']);
  });

  it('selects a collection group at any depth below the parent', () => {
    expect(inScope(ROOT, [{ collectionId: 'users', allDescendants: true }])).toEqual([
      'users/u1',
      'users/u2',
      'users/u1/posts/p1/users/nested',
      'other/o/users/u3',
    ]);
    expect(inScope(`${ROOT}/users/u1`, [{ collectionId: 'users', allDescendants: true }])).toEqual([
      'users/u1/posts/p1/users/nested',
    ]);
  });

  it('selects every descendant for a kindless query', () => {
    expect(inScope(`${ROOT}/users/u1`, [{ allDescendants: true }])).toEqual([
      'users/u1/posts/p1',
      'users/u1/posts/p1/users/nested',
    ]);
  });

  it('keeps databases apart', () => {
    expect(inScope('projects/p/databases/other/documents', [{ collectionId: 'users' }])).toEqual([]);
  });

  it.each<[string, string, StructuredQuery['from']]>([
    ['a collection as parent', `${ROOT}/users`, [{ collectionId: 'posts' }]],
    ['a parent outside any database', 'projects/p/documents', [{ collectionId: 'users' }]],
    ['no collection selector', ROOT, []],
    ['two collection selectors', ROOT, [{ collectionId: 'a' }, { collectionId: 'b' }]],
    ['a kindless query over direct children', ROOT, [{}]],
    ['a collection id with a slash', ROOT, [{ collectionId: 'a/b' }]],
  ])('rejects %s', (_, parent, from) => {
    expect(() => compileScope(parent, from)).toThrow(InvalidArgumentError);
  });
});
