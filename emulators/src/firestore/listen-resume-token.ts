import { timestampToMicros, type Micros } from './clock.ts';
import { VERSION_RETENTION_MICROS } from './store.ts';
import type { Timestamp } from './types.ts';

/**
 * A resume token is the read time of a consistent snapshot the client has seen. The leading
 * format byte lets a token from anything else (another server, a future format, garbage) be told
 * apart, so it earns a full reset instead of a wrong incremental answer.
 */
const FORMAT = 1;
const TOKEN_BYTES = 9;

export function encodeResumeToken(readTime: Micros): Buffer {
  const token = Buffer.alloc(TOKEN_BYTES);
  token.writeUInt8(FORMAT, 0);
  token.writeBigInt64BE(BigInt(readTime), 1);
  return token;
}

export function decodeResumeToken(token: Uint8Array): Micros | undefined {
  if (token.length !== TOKEN_BYTES || token[0] !== FORMAT) return undefined;
  const micros = Buffer.from(token.buffer, token.byteOffset, token.byteLength).readBigInt64BE(1);
  return Number(micros);
}

/**
 * How a target starts: `fresh` (no resume point), `since` (send only what changed after `at`), or
 * `reset` (a resume point the store can no longer answer for exactly: older than its version
 * history, in the future, or unreadable).
 */
export type ResumePlan = { kind: 'fresh' } | { kind: 'since'; at: Micros } | { kind: 'reset' };

export function planResume(target: { resumeToken?: Uint8Array; readTime?: Timestamp }, now: Micros): ResumePlan {
  let at: Micros | undefined;
  if (target.resumeToken && target.resumeToken.length > 0) at = decodeResumeToken(target.resumeToken);
  else if (target.readTime) at = timestampToMicros(target.readTime, 'read_time');
  else return { kind: 'fresh' };
  if (at === undefined || at > now || at < now - VERSION_RETENTION_MICROS) return { kind: 'reset' };
  return { kind: 'since', at };
}
