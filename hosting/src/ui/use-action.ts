import { useCallback, useState } from 'react';

/**
 * A button's or a form's async work: whether it runs, and what it failed with, so every page
 * disables while busy and shows the API's problem the same way.
 */
export function useAction<Args extends unknown[]>(run: (...args: Args) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const act = useCallback(
    async (...args: Args) => {
      setBusy(true);
      setError(undefined);
      try {
        await run(...args);
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
    [run],
  );
  return { act, busy, error, setError };
}
