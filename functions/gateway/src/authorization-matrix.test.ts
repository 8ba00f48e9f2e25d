import { rolePermissions, type Role } from '@plaza/contracts';
import { listRouteAccess, loadConfig, type RouteAccess } from '@plaza/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from './create-gateway.ts';
import { gatewayConfigSchema } from './gateway-config.ts';
import { localPushEnv } from './local/local-push.ts';
import { signUpUser } from '@plaza/runtime/testing';
import { bearer, startTestGateway } from './testing/test-gateway.ts';

/**
 * Generated from the gateway's route table: every documented route, called as each kind of
 * caller, must answer as its declared access says. A route added without a declaration, or a
 * guard that disagrees with its declaration, fails here.
 */
const config = loadConfig(gatewayConfigSchema, { ...localPushEnv(process.env.PUBSUB_EMULATOR_HOST ?? ''), LOG_LEVEL: 'silent' });
const routes = listRouteAccess(createGateway(config));
const callers = ['anonymous', 'member', 'admin'] as const;
type Caller = (typeof callers)[number];

function expectedOutcome(access: RouteAccess, caller: Caller): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (access === 'user') return 'allowed';
  return rolePermissions[caller satisfies Role].includes(access.permission) ? 'allowed' : 403;
}

let origin: string;
const tokens = new Map<Caller, string>();

beforeAll(async () => {
  ({ origin } = await startTestGateway());
  const [member, admin] = await Promise.all([signUpUser(), signUpUser({ roles: ['admin'] })]);
  tokens.set('member', member.idToken).set('admin', admin.idToken);
});

describe('authorization matrix', () => {
  it('covers every route, each with a declared access policy', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route.access, `${route.method} ${route.path}`).toBeDefined();
  });

  const matrix = routes.flatMap((route) => callers.map((caller) => ({ ...route, caller })));
  it.each(matrix)('$method $path as $caller', async ({ method, path, access, caller }) => {
    const token = tokens.get(caller);
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
    const response = await fetch(`${origin}${path.replace(/\{[^}]+\}/g, 'matrix-test')}`, {
      method,
      headers: { ...(token ? bearer(token) : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      ...(hasBody ? { body: '{}' } : {}),
    });
    await response.arrayBuffer();
    const expected = expectedOutcome(access!, caller);
    if (expected !== 'allowed') {
      expect(response.status).toBe(expected);
    } else if (hasBody) {
      // An empty body may be invalid for the route; what matters is that the guard let it through.
      expect(response.status).not.toBeOneOf([401, 403]);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
    }
  });
});
