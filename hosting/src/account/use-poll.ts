'use client';
import { useEffect, useRef } from 'react';

/**
 * Calls `tick` every `intervalMs` while `active`, one call at a time (the next waits for the
 * previous to settle), and stops on unmount or when `active` turns false.
 */
export function usePoll(active: boolean, tick: () => Promise<void>, intervalMs = 3000): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  });
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer = setTimeout(() => {
        void latest.current()
          .catch(() => undefined)
          .finally(() => {
            if (!stopped) schedule();
          });
      }, intervalMs);
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, intervalMs]);
}
