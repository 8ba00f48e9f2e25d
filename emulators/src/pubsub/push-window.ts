/**
 * How many pushes a subscription keeps in flight to its endpoint. Like the real service's push
 * flow control it grows while the endpoint succeeds and shrinks fast when it fails (additive
 * increase, multiplicative decrease), so a failing endpoint sees one request at a time instead of
 * the whole backlog at once.
 */
export interface PushWindow {
  readonly limit: number;
}

export const INITIAL_PUSH_WINDOW: PushWindow = { limit: 4 };
export const MAX_PUSH_WINDOW = 256;

export function widenAfterSuccess(window: PushWindow): PushWindow {
  return { limit: Math.min(MAX_PUSH_WINDOW, window.limit + 1) };
}

export function narrowAfterFailure(window: PushWindow): PushWindow {
  return { limit: Math.max(1, Math.floor(window.limit / 2)) };
}
