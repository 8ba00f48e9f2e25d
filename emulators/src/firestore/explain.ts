/** google.firestore.v1.ExplainOptions as decoded. */
export interface ExplainOptions {
  analyze?: boolean;
}

/**
 * Query explain metrics. The emulator plans nothing (it scans, and needs no indexes), so the plan
 * names no index; with `analyze` the execution stats are real counts and time.
 */
export function explainMetrics(analyzed?: { resultsReturned: number; startedAt: number }): object {
  const planSummary = { indexesUsed: [] };
  if (!analyzed) return { planSummary };
  const elapsedNanos = Math.round((performance.now() - analyzed.startedAt) * 1e6);
  return {
    planSummary,
    executionStats: {
      resultsReturned: String(analyzed.resultsReturned),
      executionDuration: { seconds: String(Math.floor(elapsedNanos / 1e9)), nanos: elapsedNanos % 1e9 },
      // Firestore bills at least one read for a query even when it returns nothing.
      readOperations: String(Math.max(1, analyzed.resultsReturned)),
      debugStats: { fields: {} },
    },
  };
}
