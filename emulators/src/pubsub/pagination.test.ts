import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { paginate } from './pagination.ts';

const names = ['projects/p/topics/c', 'projects/p/topics/a', 'projects/p/topics/b'];

describe('paginate', () => {
  it('returns everything sorted without a page size', () => {
    expect(paginate(names, 0, '')).toEqual({ items: [...names].sort(), nextPageToken: '' });
  });

  it('walks pages with opaque tokens', () => {
    const first = paginate(names, 2, '');
    expect(first.items).toEqual(['projects/p/topics/a', 'projects/p/topics/b']);
    expect(first.nextPageToken).not.toContain('projects/');
    expect(paginate(names, 2, first.nextPageToken)).toEqual({ items: ['projects/p/topics/c'], nextPageToken: '' });
  });

  it('continues after the last name even when it was deleted meanwhile', () => {
    const first = paginate(names, 1, '');
    const withoutFirst = names.filter((name) => name !== first.items[0]);
    expect(paginate(withoutFirst, 5, first.nextPageToken).items).toEqual(['projects/p/topics/b', 'projects/p/topics/c']);
  });

  it('rejects garbage tokens and negative sizes', () => {
    const invalid = expect.objectContaining({ code: status.INVALID_ARGUMENT });
    expect(() => paginate(names, 1, 'garbage')).toThrow(invalid);
    expect(() => paginate(names, -1, '')).toThrow(invalid);
  });
});
