/**
 * Ordering-key gating. On a subscription with message ordering, messages that share a non-empty
 * ordering key are delivered one at a time in publish order: the next one only once the previous
 * is acked. A message waiting for redelivery (nacked, expired, or in push backoff) keeps its place
 * at the head of its key, so it blocks the key until it is delivered and acked.
 */
export interface OrderedCandidate {
  readonly orderingKey: string;
  readonly availableAt: number;
}

/**
 * Yields, in publish order, the backlog entries that may be delivered at `now`. `backlog` must be
 * sorted by publish order; `keysInFlight` holds the keys with a delivered, unacked message.
 */
export function* deliverable<T extends OrderedCandidate>(
  backlog: Iterable<T>,
  now: number,
  ordered: boolean,
  keysInFlight: ReadonlySet<string>,
): Generator<T> {
  // Keys whose earliest remaining message is not deliverable yet: later messages must wait behind it.
  const held = new Set<string>();
  for (const entry of backlog) {
    const gated = ordered && entry.orderingKey !== '';
    if (gated && (keysInFlight.has(entry.orderingKey) || held.has(entry.orderingKey))) continue;
    if (gated) held.add(entry.orderingKey);
    if (entry.availableAt <= now) yield entry;
  }
}
