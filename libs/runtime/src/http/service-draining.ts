const draining = new AbortController();

/**
 * Aborted when serve() begins to drain (SIGTERM, SIGINT or its shutdown()). A response that would
 * otherwise outlive the drain, a stream, ends on it: its client reconnects to an instance that
 * stays, instead of the drain waiting for the stream and then cutting its connection. One signal
 * for the process, as the signals that start a drain are.
 */
export const serviceDraining: AbortSignal = draining.signal;

/** serve()'s first step of a drain. */
export function startDraining(): void {
  draining.abort();
}
