import { describe, expect, it } from 'vitest';
import { decodeUserSearchCursor, encodeUserSearchCursor } from './user-search-cursor.ts';

describe('user search cursors', () => {
  it('round-trip, the empty prefix included', () => {
    for (const cursor of [{ prefix: 'ada lo', afterUsername: 'ada.lovelace' }, { prefix: '', afterUsername: 'zed' }]) {
      expect(decodeUserSearchCursor(encodeUserSearchCursor(cursor))).toEqual(cursor);
    }
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{}').toString('base64url'),
    Buffer.from('["ada"]').toString('base64url'),
    Buffer.from('["ada","Not A Username"]').toString('base64url'),
    Buffer.from('[1,"ada"]').toString('base64url'),
  ])('rejects %j', (text) => {
    expect(decodeUserSearchCursor(text)).toBeUndefined();
  });
});
