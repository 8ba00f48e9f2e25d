import { describe, expect, it } from 'vitest';
import { cloudEventSchema } from './cloud-event.ts';
import { userRegistered } from './identity.ts';

const envelope = {
  specversion: '1.0',
  id: '0b6f5c1e-6f1a-4f0e-9d52-1f4a3c2b1a00',
  source: '/plaza/identity',
  type: 'plaza.identity.user.registered.v1',
  time: '2025-01-02T03:04:05.678Z',
  subject: 'users/u1',
  datacontenttype: 'application/json',
  data: { uid: 'u1', email: 'ada@example.com', displayName: null },
};

describe('cloudEventSchema', () => {
  it('accepts a structured CloudEvents 1.0 envelope', () => {
    expect(cloudEventSchema.parse(envelope)).toEqual(envelope);
    expect(userRegistered.schema.parse(envelope.data)).toEqual(envelope.data);
  });

  it.each([
    ['specversion', { specversion: '0.3' }],
    ['id', { id: '' }],
    ['time', { time: 'yesterday' }],
    ['datacontenttype', { datacontenttype: 'text/plain' }],
  ])('names the bad %s', (field, change) => {
    const result = cloudEventSchema.safeParse({ ...envelope, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('keeps data out of the envelope check; the event schema judges it', () => {
    expect(cloudEventSchema.safeParse({ ...envelope, data: { uid: 7 } }).success).toBe(true);
    expect(userRegistered.schema.safeParse({ uid: 7 }).success).toBe(false);
  });
});
