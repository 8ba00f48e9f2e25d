import { useCallback, useRef, useState } from 'react';

/**
 * A button's or a form's async work: whether it runs, and what it failed with, so every page
 * disables while busy and shows the API's problem the same way. `act` keeps one identity for the
 * component's life (the latest `run` is read through a ref), so it is safe in an effect's
 * dependencies: an inline `run` must not re-fire the effect and repeat the call.
 */
export function useAction<Args extends unknown[]>(run: (...args: Args) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const latestRun = useRef(run);
  latestRun.current = run;
  const act = useCallback(async (...args: Args) => {
    setBusy(true);
    setError(undefined);
    try {
      await latestRun.current(...args);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { act, busy, error, setError };
}
