import { createRoute, z } from '@hono/zod-openapi';
import { rolePermissions, type Role } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUpUser } from '../auth/testing/emulator-users.ts';
import { createRouter } from './create-router.ts';
import { listRouteAccess, type RouteAccess } from './route-access.ts';
import { testService } from './testing/test-service.ts';

type Principal = 'anonymous' | Role;
const principals: Principal[] = ['anonymous', 'member', 'moderator', 'admin'];

/** What the declared policy says a principal gets: through, 401 or 403. */
function expectedOutcome(access: RouteAccess, principal: Principal, granted: ReadonlySet<string>): 'through' | 401 | 403 {
  if (access === 'public') return 'through';
  if (principal === 'anonymous') return 401;
  if (access === 'user') return 'through';
  return granted.has(access.permission) ? 'through' : 403;
}

describe('route access', () => {
  const { app } = testService({ RATE_LIMIT_PER_MINUTE: '10000' });
  const routes = listRouteAccess(app);
  const tokens = new Map<Principal, string>();
  const permissionsOf = new Map<Principal, ReadonlySet<string>>();

  beforeAll(async () => {
    for (const role of ['member', 'moderator', 'admin'] as const) {
      const user = await signUpUser({ roles: [role] });
      tokens.set(role, user.idToken);
      const me = await app.request('/v1/whoami', { headers: { authorization: `Bearer ${user.idToken}` } });
      expect(await me.json()).toMatchObject({ roles: [role] });
    }
    for (const role of ['member', 'moderator', 'admin'] as const) permissionsOf.set(role, new Set(rolePermissions[role]));
    permissionsOf.set('anonymous', new Set());
  });

  it('every route declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter(({ access }) => access === undefined)).toEqual([]);
  });

  it('reports a route registered without a policy, so the check above can fail', () => {
    const unguarded = createRouter().openapi(
      createRoute({ method: 'get', path: '/unguarded', responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({}) } } } } }),
      (c) => c.json({}, 200),
    );
    expect(listRouteAccess(unguarded)).toEqual([{ method: 'GET', path: '/unguarded', access: undefined }]);
  });

  // The matrix is generated from the route table: a new route is covered without touching this file.
  describe.each(routes)('$method $path', ({ method, path, access }) => {
    it.each(principals)('as %s', async (principal) => {
      const token = tokens.get(principal);
      const response = await app.request(path.replaceAll(/\{[^}]+\}/g, 'x'), {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      const expected = expectedOutcome(access as RouteAccess, principal, permissionsOf.get(principal) ?? new Set());
      if (expected === 'through') expect([401, 403]).not.toContain(response.status);
      else expect(response.status).toBe(expected);
    });
  });
});
