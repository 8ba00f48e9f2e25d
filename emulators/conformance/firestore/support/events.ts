import { onTestFinished } from 'vitest';

/** Long enough for a loaded 2-core machine, well below the 30 s test timeout. */
const DEFAULT_WAIT_MS = 10_000;

/**
 * Collects what a listener reports, in order, so a test can await each event in turn instead
 * of sleeping. An error reported by the listener fails every later wait.
 */
export class EventQueue<T> {
  private readonly received: T[] = [];
  private failure: unknown;
  private wake: (() => void) | undefined;

  readonly push = (event: T): void => {
    this.received.push(event);
    this.wake?.();
  };

  readonly fail = (error: unknown): void => {
    this.failure = error ?? new Error('listener failed');
    this.wake?.();
  };

  /** Events received and not yet taken. */
  get pending(): number {
    return this.received.length;
  }

  /** The next event, waiting for it if none is queued. */
  async next(what = 'the next event', timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    return this.nextMatching(() => true, what, timeoutMs);
  }

  /** Drops events until one matches, for listeners that may also report intermediate states. */
  async nextMatching(predicate: (event: T) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.received.length > 0) {
        const event = this.received.shift() as T;
        if (predicate(event)) return event;
      }
      if (this.failure !== undefined) throw this.failure;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}

/**
 * Starts a listener with a fresh queue and stops it when the current test finishes.
 * `subscribe` receives the queue's callbacks and returns the unsubscribe function.
 */
export function listen<T>(subscribe: (onNext: (event: T) => void, onError: (error: Error) => void) => () => void): EventQueue<T> {
  const queue = new EventQueue<T>();
  const unsubscribe = subscribe(queue.push, queue.fail);
  onTestFinished(() => unsubscribe());
  return queue;
}
