import { resolveOutboxDependencies } from './outbox-dependencies.ts';
import { sweepOutbox, type SweepOutboxOptions } from './sweep-outbox.ts';

export interface OutboxSweeperOptions extends SweepOutboxOptions {
  readonly intervalMs: number;
}

export interface OutboxSweeper {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Sweeps the outbox on an interval, for local runs; production has Cloud Scheduler call the sweep
 * route instead. A sweep starts only after the previous one ended, and the timer is unref'd so it
 * never keeps a process alive on its own.
 */
export function startOutboxSweeper(options: OutboxSweeperOptions): OutboxSweeper {
  const { logger } = resolveOutboxDependencies(options);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweepOutbox(options)
        .then(({ published, failed }) => {
          if (published + failed > 0) logger.info({ published, failed }, 'outbox swept');
        })
        .catch((err: unknown) => logger.error({ err }, 'outbox sweep failed'))
        .finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
