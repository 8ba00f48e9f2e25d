import { describe, expect, it } from 'vitest';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor.ts';

describe('inbox cursors', () => {
  it('round-trip', () => {
    const cursor = { createdAt: '2026-01-02T03:04:05.000Z', id: 'evt-1' };
    expect(decodeInboxCursor(encodeInboxCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('{}').toString('base64url'), Buffer.from('["yesterday","x"]').toString('base64url')])(
    'rejects %j',
    (text) => {
      expect(decodeInboxCursor(text)).toBeUndefined();
    },
  );
});
