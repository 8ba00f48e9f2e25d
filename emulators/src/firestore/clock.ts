import { InvalidArgumentError } from './errors.ts';
import type { Timestamp } from './types.ts';

/** Microseconds since the Unix epoch: the precision of Firestore's commit timestamps. */
export type Micros = number;

const MAX_SECONDS = 253402300799; // 9999-12-31T23:59:59Z, the upper bound of google.protobuf.Timestamp
const MIN_SECONDS = -62135596800; // 0001-01-01T00:00:00Z

export function microsToTimestamp(micros: Micros): Timestamp {
  const seconds = Math.floor(micros / 1_000_000);
  return { seconds: String(seconds), nanos: (micros - seconds * 1_000_000) * 1000 };
}

/** Checks the google.protobuf.Timestamp range (years 1 to 9999) and returns whole seconds and nanos. */
export function validateTimestamp(timestamp: Timestamp, field = 'timestamp'): { seconds: number; nanos: number } {
  const seconds = Number(timestamp.seconds ?? 0);
  const nanos = timestamp.nanos ?? 0;
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new InvalidArgumentError(`${field} has invalid seconds: ${String(timestamp.seconds)}`);
  }
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) {
    throw new InvalidArgumentError(`${field} has invalid nanos: ${String(timestamp.nanos)}`);
  }
  return { seconds, nanos };
}

/**
 * Truncates to the microsecond: a version committed at micros m is visible at a read time t
 * exactly when m <= floor(t), so nothing is lost. Exact for times within ±285 years of 1970,
 * which covers every read, commit and update time.
 */
export function timestampToMicros(timestamp: Timestamp, field = 'timestamp'): Micros {
  const { seconds, nanos } = validateTimestamp(timestamp, field);
  return seconds * 1_000_000 + Math.floor(nanos / 1000);
}

/**
 * Hands out read and commit times so that every commit is strictly after every earlier commit
 * AND every read time already given out. Without the second part a read at t could miss a commit
 * that later also claims t, and a snapshot would change under its reader.
 */
export class CommitClock {
  private last: Micros = 0;

  // The wall clock, not a monotonic one: commit times are shown to people and compared with
  // clients' clocks, and a monotonic clock stops while a laptop sleeps. Monotonicity comes from `last`.
  constructor(private readonly now: () => Micros = () => Date.now() * 1000) {}

  /** A time at which everything committed so far is visible. */
  readTime(): Micros {
    this.last = Math.max(this.now(), this.last);
    return this.last;
  }

  /** Makes `time` a read time already given out, for a client that asked to read at a (slightly) future time. */
  advanceTo(time: Micros): void {
    this.last = Math.max(this.last, time);
  }

  commitTime(): Micros {
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }
}
