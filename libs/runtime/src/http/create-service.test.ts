import { describe, expect, it } from 'vitest';
import { testService } from './testing/test-service.ts';

const jsonPost = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json', ...headers },
});

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

describe('createService: bad input becomes a 4xx problem, and the service keeps serving', () => {
  const { app } = testService({ BODY_LIMIT_BYTES: '200', REQUEST_TIMEOUT_MS: '100' });

  it('malformed JSON is 400 malformed_json', async () => {
    const response = await app.request('/v1/things', jsonPost('{"title":'));
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'malformed_json', status: 400, instance: '/v1/things' });
  });

  it('wrong types are 400 validation_failed naming each field', async () => {
    const response = await app.request('/v1/things', jsonPost('{"title":3,"count":"many"}'));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('validation_failed');
    expect((problem.errors as { path: string }[]).map(({ path }) => path).sort()).toEqual(['body.count', 'body.title']);
  });

  it('a missing body on a route that requires one is validation_failed, not a 500', async () => {
    const response = await app.request('/v1/things', { method: 'POST' });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('validation_failed');
  });

  it('a body of another media type is 415', async () => {
    const response = await app.request('/v1/things', { method: 'POST', body: 'title=a', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).code).toBe('unsupported_media_type');
  });

  it('an oversize body is 413, declared or streamed', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(500), count: 1 });
    const declared = await app.request('/v1/things', jsonPost(big));
    expect(declared.status).toBe(413);
    expect((await problemOf(declared)).code).toBe('payload_too_large');
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request('/v1/things', {
      method: 'POST',
      body: streamed,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('leaves GET alone (it has no body) and still limits a streamed body on other methods', async () => {
    expect((await app.request('/v1/whoami')).status).toBe(200);
    const big = new TextEncoder().encode(JSON.stringify({ title: 'x'.repeat(500), count: 1 }));
    for (const method of ['PUT', 'DELETE', 'OPTIONS']) {
      const streamed = new ReadableStream({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      });
      const response = await app.request('/v1/things', { method, body: streamed, duplex: 'half' } as RequestInit);
      expect(response.status).toBe(413);
    }
  });

  it('an unknown route is a 404 problem', async () => {
    const response = await app.request('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ code: 'not_found', instance: '/v1/nothing-here' });
  });

  it('a known path with the wrong method is 405 with Allow', async () => {
    const response = await app.request('/v1/things', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await problemOf(response)).code).toBe('method_not_allowed');
  });

  it('a handler slower than REQUEST_TIMEOUT_MS is a 504 problem', async () => {
    const response = await app.request('/v1/slow');
    expect(response.status).toBe(504);
    expect((await problemOf(response)).code).toBe('timeout');
  });

  it('a thrown error is a 500 internal that leaks neither message nor stack', async () => {
    const response = await app.request('/v1/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|Error|at /);
    expect(JSON.parse(text)).toMatchObject({ code: 'internal', status: 500 });
  });

  it('still answers after all of that', async () => {
    const response = await app.request('/v1/things', jsonPost('{"title":"ok","count":1}'));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ title: 'ok', count: 1 });
  });
});

describe('createService: logs', () => {
  it('logs a thrown error server-side with the request id, and the access line in Cloud Logging format', async () => {
    const { app, logLines } = testService();
    const response = await app.request('/v1/boom', {
      headers: {
        'x-request-id': 'support-ticket-42',
        'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1;o=1',
        'user-agent': 'kit-test',
      },
    });
    expect(response.headers.get('x-request-id')).toBe('support-ticket-42');
    const errorLine = logLines.find((line) => line.severity === 'ERROR' && 'err' in line);
    expect(errorLine).toMatchObject({ requestId: 'support-ticket-42', err: { message: 'secret database password is hunter2' } });
    expect(JSON.stringify(errorLine)).toContain('"stack"');
    const access = logLines.find((line) => 'httpRequest' in line);
    expect(access).toMatchObject({
      severity: 'ERROR',
      message: 'GET /v1/boom 500',
      service: 'kit-test',
      requestId: 'support-ticket-42',
      'logging.googleapis.com/trace': 'projects/demo-plaza/traces/105445aa7843bc8bf206b12000100000',
      'logging.googleapis.com/spanId': '0000000000000001',
      'logging.googleapis.com/trace_sampled': true,
      httpRequest: { requestMethod: 'GET', requestUrl: 'http://localhost/v1/boom', status: 500, userAgent: 'kit-test' },
    });
    expect((access?.httpRequest as { latency: string }).latency).toMatch(/^\d+\.\d{6}s$/);
    expect(access).not.toHaveProperty('level');
    expect(access).not.toHaveProperty('msg');
    expect(access?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(access?.time as string) - Date.now())).toBeLessThan(60_000);
  });

  it('takes the trace from traceparent too', async () => {
    const { app, logLines } = testService();
    await app.request('/v1/whoami', { headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } });
    expect(logLines.at(-1)).toMatchObject({
      severity: 'INFO',
      'logging.googleapis.com/trace': 'projects/demo-plaza/traces/4bf92f3577b34da6a3ce929d0e0e4736',
      'logging.googleapis.com/spanId': '00f067aa0ba902b7',
    });
  });
});

describe('createService: request id', () => {
  const { app } = testService();

  it('generates one when none is sent, and puts it in problems', async () => {
    const response = await app.request('/v1/nothing');
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[\da-f-]{36}$/);
    expect((await response.json()).requestId).toBe(id);
  });

  it('replaces an incoming id that is not sane', async () => {
    const response = await app.request('/healthz', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[\da-f-]{36}$/);
    const long = await app.request('/healthz', { headers: { 'x-request-id': 'a'.repeat(200) } });
    expect(long.headers.get('x-request-id')).not.toBe('a'.repeat(200));
  });
});

describe('createService: browser-facing headers', () => {
  const { app } = testService({ CORS_ORIGINS: 'https://plaza.example, http://localhost:5000' });

  it('sets security headers', async () => {
    const response = await app.request('/v1/whoami');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('allows a listed origin, with credentials', async () => {
    const response = await app.request('/v1/whoami', { headers: { origin: 'https://plaza.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://plaza.example');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('answers a preflight from a listed origin', async () => {
    const response = await app.request('/v1/things', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5000');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('gives a Response the handler built itself the same headers', async () => {
    const response = await app.request('/v1/raw', { headers: { 'x-request-id': 'hand-built' } });
    expect(await response.text()).toBe('raw');
    expect(response.headers.get('x-request-id')).toBe('hand-built');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('adds no CORS headers to a request without an Origin, but still varies on it', async () => {
    const response = await app.request('/v1/whoami');
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('does not allow an origin that is not listed', async () => {
    const response = await app.request('/v1/whoami', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/v1/things', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).not.toBeNull(); // answered by CORS, not routed
  });
});

describe('createService: rate limits', () => {
  const behindCloudRun = { TRUSTED_PROXY_HOPS: '1', RATE_LIMIT_PER_MINUTE: '3' };

  it('limits per client address, read from the hop the trusted proxy appended', async () => {
    const { app } = testService(behindCloudRun);
    // The client forges the left part of X-Forwarded-For; only the right-most entry counts.
    const from = (forged: string) => ({ headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` } });
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      expect((await app.request('/v1/whoami', from(forged))).status).toBe(200);
    }
    const limited = await app.request('/v1/whoami', from('4.4.4.4'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await problemOf(limited)).toMatchObject({ code: 'rate_limited', status: 429 });
    const otherClient = await app.request('/v1/whoami', { headers: { 'x-forwarded-for': '198.51.100.1' } });
    expect(otherClient.status).toBe(200);
  });

  it('says how much is left in the draft-7 RateLimit headers', async () => {
    const { app } = testService({ RATE_LIMIT_PER_MINUTE: '5' });
    const first = await app.request('/v1/whoami');
    expect(first.headers.get('ratelimit-policy')).toBe('5;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^limit=5, remaining=4, reset=(59|60)$/);
    expect((await app.request('/v1/whoami')).headers.get('ratelimit')).toMatch(/^limit=5, remaining=3, /);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const { app } = testService({ RATE_LIMIT_PER_MINUTE: '2' });
    const statuses = [];
    for (const address of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      statuses.push((await app.request('/v1/whoami', { headers: { 'x-forwarded-for': address } })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('applies a stricter per-route limit on top', async () => {
    const { app } = testService({ TRUSTED_PROXY_HOPS: '1' });
    const client = { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' } };
    expect((await app.request('/v1/expensive', client)).status).toBe(204);
    expect((await app.request('/v1/expensive', client)).status).toBe(204);
    const limited = await app.request('/v1/expensive', client);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await app.request('/v1/whoami', { headers: client.headers })).status).toBe(200);
  });
});

describe('createService: serving', () => {
  const { app } = testService();

  it('answers /healthz', async () => {
    const response = await app.request('/healthz');
    expect(await response.json()).toEqual({ status: 'ok', service: 'kit-test' });
  });

  it('strips a base path such as Hosting’s /api', async () => {
    const { app: behindHosting } = testService({}, { basePaths: ['/api'] });
    expect((await behindHosting.request('/api/v1/whoami')).status).toBe(200);
    expect((await behindHosting.request('/api/healthz')).status).toBe(200);
    expect((await behindHosting.request('/apiary/v1/whoami')).status).toBe(404);
  });

  it('serves the OpenAPI 3.1 document of its routes, with the bearer scheme and access policies', async () => {
    const response = await app.request('/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/things', '/v1/whoami', '/v1/me', '/v1/audit', '/v1/expensive']),
    );
    expect(document.components.securitySchemes.firebaseIdToken).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token' });
    expect(document.paths['/v1/audit'].get).toMatchObject({
      'x-plaza-access': { permission: 'audit:read' },
      security: [{ firebaseIdToken: [] }, { sessionCookie: [] }],
    });
    expect(document.paths['/v1/whoami'].get).toMatchObject({ 'x-plaza-access': 'public', security: [] });
    expect(document.paths['/v1/things'].post.responses.default.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/ProblemDetails',
    });
  });

  it('serves an API reference page over the document', async () => {
    const response = await app.request('/v1/reference');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('./openapi.json');
  });
});
