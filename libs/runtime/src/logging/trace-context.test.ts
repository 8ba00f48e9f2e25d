import { describe, expect, it } from 'vitest';
import { traceContextFrom, traceLogFields } from './trace-context.ts';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('traceContextFrom', () => {
  it('reads W3C traceparent', () => {
    expect(traceContextFrom(headers({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }))).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      sampled: true,
    });
  });

  it('reads X-Cloud-Trace-Context, turning its decimal span id into hex', () => {
    expect(traceContextFrom(headers({ 'x-cloud-trace-context': '105445AA7843BC8BF206B12000100000/18446744073709551615;o=0' }))).toEqual({
      traceId: '105445aa7843bc8bf206b12000100000',
      spanId: 'ffffffffffffffff',
      sampled: false,
    });
    expect(traceContextFrom(headers({ 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000' }))?.spanId).toBeUndefined();
  });

  it('prefers traceparent when both are sent', () => {
    const both = headers({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
      'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1;o=1',
    });
    expect(traceContextFrom(both)?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('ignores malformed and all-zero ids', () => {
    for (const traceparent of ['garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-4bf92f35-00f067aa0ba902b7-01']) {
      expect(traceContextFrom(headers({ traceparent }))).toBeUndefined();
    }
    expect(traceContextFrom(headers({ 'x-cloud-trace-context': 'abc/1;o=1' }))).toBeUndefined();
    expect(traceContextFrom(headers({ 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/99999999999999999999' }))?.spanId).toBeUndefined();
  });
});

describe('traceLogFields', () => {
  it('names the trace by project, as Cloud Logging links it', () => {
    expect(traceLogFields({ traceId: 'abc', spanId: '01', sampled: true }, 'demo-plaza')).toEqual({
      'logging.googleapis.com/trace': 'projects/demo-plaza/traces/abc',
      'logging.googleapis.com/spanId': '01',
      'logging.googleapis.com/trace_sampled': true,
    });
    expect(traceLogFields(undefined, 'demo-plaza')).toEqual({});
  });
});
