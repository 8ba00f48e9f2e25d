/**
 * Thrown by a consumer's handler when the event's time has not come yet (a rate limit, a send
 * slot too far off, another attempt holding the event): nothing failed, and Pub/Sub should bring
 * it back. The push answers 429 `rate_limited` (with Retry-After when known): Pub/Sub nacks and
 * redelivers it with the subscription's backoff, as for a 500, but it is not a server error for
 * the 5xx alert, and it is logged at info.
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options?: { retryAfterMs?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options?.retryAfterMs;
  }
}
