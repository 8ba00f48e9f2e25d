/**
 * When a message that was not acked may be delivered again.
 *
 * - With a retry policy, the real service waits an exponentially growing delay between the
 *   policy's minimum and maximum (10 s and 600 s when unset), for nacks, expired ack deadlines and
 *   failed pushes alike.
 * - Without one, a pull subscription redelivers at once, while a push subscription still backs off
 *   between 100 ms and 60 s so a failing endpoint is not hammered.
 * - A message released because its subscriber went away, or because an earlier message of its
 *   ordering key is redelivered, was not refused, so it is available at once.
 */
export interface BackoffRange {
  readonly minimumMs: number;
  readonly maximumMs: number;
}

export const DEFAULT_RETRY_BACKOFF: BackoffRange = { minimumMs: 10_000, maximumMs: 600_000 };
export const PUSH_BACKOFF_WITHOUT_RETRY_POLICY: BackoffRange = { minimumMs: 100, maximumMs: 60_000 };

/**
 * Why a delivered message came back unacked. Only the first three are failed delivery attempts;
 * the others are redelivered at once: the subscriber went away, or an earlier message of the same
 * ordering key is being redelivered and this one must follow it again.
 */
export type ReleaseReason = 'nack' | 'expired' | 'pushFailed' | 'subscriberGone' | 'behindRedelivery';

/** The delay before attempt `failedAttempts + 1`, doubling from the minimum and capped at the maximum. */
export function exponentialBackoffMs(range: BackoffRange, failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity for absurd counts, which Math.min caps anyway.
  return Math.min(range.maximumMs, range.minimumMs * 2 ** exponent);
}

export interface RedeliveryPolicy {
  /** The subscription's retry policy, if it has one. */
  readonly retry?: BackoffRange;
  readonly push: boolean;
}

export function redeliveryDelayMs(policy: RedeliveryPolicy, reason: ReleaseReason, failedAttempts: number): number {
  if (reason === 'subscriberGone' || reason === 'behindRedelivery') return 0;
  if (policy.retry) return exponentialBackoffMs(policy.retry, failedAttempts);
  if (policy.push) return exponentialBackoffMs(PUSH_BACKOFF_WITHOUT_RETRY_POLICY, failedAttempts);
  return 0;
}
