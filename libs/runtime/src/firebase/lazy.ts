/**
 * Memoizes an async factory. The Google SDKs cost most of a cold start when imported eagerly,
 * so each accessor imports its SDK on first call; memoizing the promise (not the value) makes
 * concurrent first calls share one import and one client. A failed attempt is forgotten, so
 * the next call retries instead of replaying the failure forever.
 */
export function lazy<T>(create: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
