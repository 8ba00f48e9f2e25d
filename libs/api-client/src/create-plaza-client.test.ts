import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api-problem.ts';
import { createPlazaClient } from './create-plaza-client.ts';
import { expectOk } from './expect-ok.ts';

/** An API that tells what it received, answering like the gateway does: JSON, 204 or problem+json. */
function echoApi(): Hono {
  const app = new Hono();
  app.get('/api/v1/me/permissions', (c) => c.json({ uid: 'u1', roles: ['member'], permissions: [], csrf: c.req.header('x-csrf-token') ?? null }));
  app.post('/api/v1/auth/logout-all', (c) => c.body(null, c.req.header('x-csrf-token') === 'token-1' ? 204 : 403));
  app.patch('/api/v1/me/profile', (c) =>
    c.json({ type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation_failed', errors: [{ path: 'body.username', message: 'Too short' }] }, 400, {
      'content-type': 'application/problem+json',
    }),
  );
  app.get('/api/v1/notifications', (c) => c.text('upstream exploded', 502));
  return app;
}

describe('createPlazaClient', () => {
  const app = echoApi();
  const client = createPlazaClient({ baseUrl: 'http://plaza.test/api', csrfToken: () => 'token-1', fetch: (request) => Promise.resolve(app.fetch(request as Request)) });

  it('sends the CSRF token only with requests that change something', async () => {
    const permissions = (await expectOk(client.GET('/v1/me/permissions'))) as unknown as { csrf: string | null };
    expect(permissions.csrf).toBeNull();
    await expect(expectOk(client.POST('/v1/auth/logout-all'))).resolves.toBeUndefined();
  });

  it('sends no token while signed out', async () => {
    const signedOut = createPlazaClient({ baseUrl: 'http://plaza.test/api', csrfToken: () => undefined, fetch: (request) => Promise.resolve(app.fetch(request as Request)) });
    const problem = await expectOk(signedOut.POST('/v1/auth/logout-all')).catch((error: unknown) => error);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect((problem as ApiProblem).status).toBe(403);
  });

  it('turns problem+json into an ApiProblem that names the field', async () => {
    const problem = (await expectOk(client.PATCH('/v1/me/profile', { body: { username: 'a' } })).catch((error: unknown) => error)) as ApiProblem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.fieldError('body.username')).toBe('Too short');
    expect(problem.fieldError('body.bio')).toBeUndefined();
  });

  it('describes a failure without problem details by its status', async () => {
    const problem = (await expectOk(client.GET('/v1/notifications')).catch((error: unknown) => error)) as ApiProblem;
    expect(problem).toMatchObject({ status: 502, code: 'internal' });
  });

  it('reports an unreachable API as a problem, not a TypeError', async () => {
    const offline = createPlazaClient({ baseUrl: 'http://127.0.0.1:9/api', csrfToken: () => undefined });
    const problem = (await expectOk(offline.GET('/v1/me')).catch((error: unknown) => error)) as ApiProblem;
    expect(problem).toMatchObject({ status: 0, code: 'unreachable' });
  });
});
