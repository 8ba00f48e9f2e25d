export interface TraceContext {
  traceId: string;
  /** 16 hex digits, the form Cloud Logging expects in `logging.googleapis.com/spanId`. */
  spanId: string | undefined;
  sampled: boolean;
}

const traceparentPattern = /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/;
const cloudTracePattern = /^([\da-f]{32})(?:\/(\d{1,20}))?(?:;o=([01]))?$/i;
const allZeros = /^0+$/;

/**
 * The trace this request belongs to. W3C `traceparent` wins when both are present: Google's
 * front ends send both for the same trace, and traceparent carries the span id in hex already.
 */
export function traceContextFrom(headers: Headers): TraceContext | undefined {
  return fromTraceparent(headers.get('traceparent')) ?? fromCloudTraceContext(headers.get('x-cloud-trace-context'));
}

function fromTraceparent(header: string | null): TraceContext | undefined {
  const match = header ? traceparentPattern.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, traceId = '', spanId = '', flags = '00'] = match;
  if (allZeros.test(traceId) || allZeros.test(spanId)) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

function fromCloudTraceContext(header: string | null): TraceContext | undefined {
  const match = header ? cloudTracePattern.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, traceId = '', decimalSpanId, sampled] = match;
  if (allZeros.test(traceId)) return undefined;
  // X-Cloud-Trace-Context carries the span id as an unsigned 64-bit decimal.
  const spanId = decimalSpanId && BigInt(decimalSpanId) < 2n ** 64n ? BigInt(decimalSpanId).toString(16).padStart(16, '0') : undefined;
  return { traceId: traceId.toLowerCase(), spanId, sampled: sampled === '1' };
}

/** The fields that make Cloud Logging group a log line under its trace. */
export function traceLogFields(trace: TraceContext | undefined, projectId: string): Record<string, unknown> {
  if (!trace) return {};
  return {
    'logging.googleapis.com/trace': `projects/${projectId}/traces/${trace.traceId}`,
    ...(trace.spanId ? { 'logging.googleapis.com/spanId': trace.spanId } : {}),
    'logging.googleapis.com/trace_sampled': trace.sampled,
  };
}
