/**
 * StreamingPull flow control. The Node client opens several streams per subscriber and sends its
 * whole maxOutstandingMessages/Bytes on each of them, so the limits hold for the subscriber's
 * streams together, not per stream; within them, each message goes to the least-loaded stream.
 * 0 means "no limit", as on the wire.
 */
export interface FlowControlLimits {
  readonly maxMessages: number;
  readonly maxBytes: number;
}

export interface StreamLoad {
  readonly limits: FlowControlLimits;
  readonly outstandingMessages: number;
  readonly outstandingBytes: number;
}

// Caps one dispatch round when the subscriber sets no message limit, so one stream cannot take
// the whole backlog in a single response.
export const UNLIMITED_BATCH_PER_STREAM = 1000;

const tightest = (values: readonly number[]): number => {
  const set = values.filter((value) => value > 0);
  return set.length === 0 ? 0 : Math.min(...set);
};

/** What the streams may still receive together in this round. */
export function remainingCapacity(streams: readonly StreamLoad[]): FlowControlLimits {
  const maxMessages = tightest(streams.map((stream) => stream.limits.maxMessages));
  const maxBytes = tightest(streams.map((stream) => stream.limits.maxBytes));
  const messages = streams.reduce((sum, stream) => sum + stream.outstandingMessages, 0);
  const bytes = streams.reduce((sum, stream) => sum + stream.outstandingBytes, 0);
  return {
    maxMessages: maxMessages === 0 ? UNLIMITED_BATCH_PER_STREAM * streams.length : Math.max(0, maxMessages - messages),
    maxBytes: maxBytes === 0 ? Infinity : Math.max(0, maxBytes - bytes),
  };
}

/** Index of the stream with the fewest outstanding messages; ties go to the earliest. */
export function leastLoaded(loads: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < loads.length; i += 1) if (loads[i]! < loads[best]!) best = i;
  return best;
}
