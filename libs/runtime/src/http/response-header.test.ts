import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';
import { testService } from './testing/test-service.ts';

// On a real socket the service's own headers go onto Node's response rather than through Hono,
// so what app.request() shows in the other tests is checked here on the wire.
describe('response headers on @hono/node-server', () => {
  let server: ServerType;
  let origin: string;
  beforeAll(async () => {
    const { app } = testService({ CORS_ORIGINS: 'https://plaza.example' });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const expectServiceHeaders = (response: Response) => {
    for (const [name, value] of securityHeaders) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('x-request-id')).toMatch(/^[\da-f-]{36}$/);
  };

  it('a handler response carries the security headers, request id, Vary and rate-limit headers beside its own', async () => {
    const response = await fetch(`${origin}/v1/whoami`, { headers: { 'x-request-id': 'on-the-wire' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    for (const [name, value] of securityHeaders) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('x-request-id')).toBe('on-the-wire');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('ratelimit')).toMatch(/^limit=600, remaining=\d+, reset=\d+$/);
    expect(response.headers.get('ratelimit-policy')).toBe('600;w=60');
    expect(await response.json()).toEqual({ uid: null, roles: [] });
  });

  it('so do problems, a Response the handler built itself, and CORS answers', async () => {
    const problem = await fetch(`${origin}/v1/nothing-here`);
    expect(problem.status).toBe(404);
    expectServiceHeaders(problem);
    const raw = await fetch(`${origin}/v1/raw`);
    expect(await raw.text()).toBe('raw');
    expectServiceHeaders(raw);
    const cors = await fetch(`${origin}/v1/whoami`, { headers: { origin: 'https://plaza.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://plaza.example');
    expect(cors.headers.get('vary')).toMatch(/Origin/);
    expectServiceHeaders(cors);
  });
});
