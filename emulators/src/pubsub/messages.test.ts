import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { storeMessage, toWireMessage, validatePublishedMessages } from './messages.ts';

const invalid = expect.objectContaining({ code: status.INVALID_ARGUMENT });

describe('validatePublishedMessages', () => {
  it('accepts data-only and attribute-only messages', () => {
    const messages = [{ data: Buffer.from('x') }, { attributes: { k: 'v' } }];
    expect(validatePublishedMessages(messages)).toBe(messages);
  });

  it.each([
    ['no messages', undefined],
    ['an empty list', []],
    ['an empty message', [{ data: Buffer.alloc(0) }]],
    ['an empty attribute key', [{ attributes: { '': 'v' } }]],
    ['a reserved attribute key', [{ attributes: { googKey: 'v' } }]],
    ['a long attribute key', [{ attributes: { ['k'.repeat(257)]: 'v' } }]],
    ['a long attribute value', [{ attributes: { k: 'v'.repeat(1025) } }]],
    ['too many attributes', [{ attributes: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])) }]],
    ['a long ordering key', [{ data: Buffer.from('x'), orderingKey: 'o'.repeat(1025) }]],
    ['too many messages', Array.from({ length: 1001 }, () => ({ data: Buffer.from('x') }))],
  ])('rejects %s', (_, messages) => {
    expect(() => validatePublishedMessages(messages)).toThrow(invalid);
  });
});

describe('stored messages', () => {
  it('copy what was published and come back in wire form', () => {
    const data = Buffer.from('payload');
    const stored = storeMessage({ data, attributes: { a: 'b' } }, '42', 1_700_000_000_123);
    data.fill(0);
    expect(toWireMessage(stored)).toEqual({
      data: Buffer.from('payload'),
      attributes: { a: 'b' },
      messageId: '42',
      publishTime: { seconds: '1700000000', nanos: 123_000_000 },
      orderingKey: '',
    });
  });
});
