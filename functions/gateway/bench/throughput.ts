import autocannon from 'autocannon';

export interface ThroughputResult {
  requestsPerSecond: number;
  p99Ms: number;
}

/** Load for a bounded time on 127.0.0.1; any non-2xx answer or error voids the measurement. */
export async function measureThroughput(url: string, headers: Record<string, string> = {}, durationSeconds = 5): Promise<ThroughputResult> {
  const result = await autocannon({ url, connections: 10, duration: durationSeconds, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}
