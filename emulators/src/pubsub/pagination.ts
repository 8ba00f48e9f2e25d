import { invalidArgument } from './errors.ts';

/**
 * List pages over resource names. The token is the last name of the previous page (encoded so
 * clients treat it as opaque), so a page stays correct when resources come and go between calls.
 */
export interface Page<T> {
  readonly items: T[];
  readonly nextPageToken: string;
}

export function paginate(names: readonly string[], pageSize: number, pageToken: string): Page<string> {
  if (pageSize < 0) throw invalidArgument(`Invalid page_size (${pageSize}).`);
  const sorted = [...names].sort();
  let start = 0;
  if (pageToken) {
    const after = Buffer.from(pageToken, 'base64url').toString('utf8');
    if (!after.startsWith('projects/')) throw invalidArgument('Invalid page_token.');
    start = sorted.findIndex((name) => name > after);
    if (start === -1) start = sorted.length;
  }
  const end = pageSize > 0 ? Math.min(sorted.length, start + pageSize) : sorted.length;
  const items = sorted.slice(start, end);
  const last = items.at(-1);
  return { items, nextPageToken: end < sorted.length && last ? Buffer.from(last).toString('base64url') : '' };
}
