/**
 * Ordering-key gating. On a subscription with message ordering, messages that share a non-empty
 * ordering key are delivered in publish order, one batch at a time: the messages of a key handed
 * out together are consecutive, and the key's next messages wait until all of them are acked. A
 * message waiting for redelivery (nacked, expired, or in push backoff) keeps its place at the head
 * of its key, so it blocks the key until it is delivered again.
 */
export interface OrderedCandidate {
  readonly orderingKey: string;
  readonly availableAt: number;
}

/**
 * Yields, in publish order, the backlog entries that may be delivered at `now`. `backlog` must be
 * sorted by publish order; `inFlight` tells whether a key has delivered, unacked messages (as
 * they were when the scan started).
 */
export function* deliverable<T extends OrderedCandidate>(
  backlog: Iterable<T>,
  now: number,
  ordered: boolean,
  inFlight: (orderingKey: string) => boolean,
): Generator<T> {
  // Keys whose next message cannot go now: everything after it waits too.
  const held = new Set<string>();
  for (const entry of backlog) {
    const key = entry.orderingKey;
    const gated = ordered && key !== '';
    if (gated && held.has(key)) continue;
    if (gated && (entry.availableAt > now || inFlight(key))) {
      held.add(key);
      continue;
    }
    if (entry.availableAt <= now) yield entry;
  }
}
