import { describe, expect, it } from 'vitest';
import { microsToTimestamp } from './clock.ts';
import { decodeResumeToken, encodeResumeToken, planResume } from './listen-resume-token.ts';
import { VERSION_RETENTION_MICROS } from './store.ts';

const NOW = 1_700_000_000_000_000;

describe('resume tokens', () => {
  it('round-trip a read time', () => {
    expect(decodeResumeToken(encodeResumeToken(NOW))).toBe(NOW);
  });

  it('decode from a Uint8Array view into a larger buffer, as gRPC hands them over', () => {
    const framed = Buffer.concat([Buffer.from([7, 7]), encodeResumeToken(NOW)]);
    expect(decodeResumeToken(new Uint8Array(framed.buffer, framed.byteOffset + 2, 9))).toBe(NOW);
  });

  it('refuse tokens of another length or format', () => {
    expect(decodeResumeToken(Buffer.from('garbage'))).toBeUndefined();
    expect(decodeResumeToken(Buffer.concat([Buffer.from([2]), encodeResumeToken(NOW).subarray(1)]))).toBeUndefined();
  });
});

describe('planResume', () => {
  it('starts fresh without a resume point, or with an empty token', () => {
    expect(planResume({}, NOW)).toEqual({ kind: 'fresh' });
    expect(planResume({ resumeToken: Buffer.alloc(0) }, NOW)).toEqual({ kind: 'fresh' });
  });

  it('resumes from a token or a read time inside the version history', () => {
    expect(planResume({ resumeToken: encodeResumeToken(NOW - 5) }, NOW)).toEqual({ kind: 'since', at: NOW - 5 });
    expect(planResume({ readTime: microsToTimestamp(NOW - 7) }, NOW)).toEqual({ kind: 'since', at: NOW - 7 });
  });

  it('resets when the store cannot answer exactly: unreadable, in the future, or older than its history', () => {
    expect(planResume({ resumeToken: Buffer.from('x') }, NOW)).toEqual({ kind: 'reset' });
    expect(planResume({ resumeToken: encodeResumeToken(NOW + 1) }, NOW)).toEqual({ kind: 'reset' });
    expect(planResume({ resumeToken: encodeResumeToken(NOW - VERSION_RETENTION_MICROS - 1) }, NOW)).toEqual({ kind: 'reset' });
  });

  it('rejects a malformed read time as the client error it is', () => {
    expect(() => planResume({ readTime: { seconds: 1, nanos: -1 } }, NOW)).toThrow(/nanos/);
  });
});
