import { rolePermissions, type Role } from '@plaza/contracts';
import { listRouteAccess, loadConfig, type RouteAccess } from '@plaza/runtime';
import { signUpFormerUser, signUpUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from './create-gateway.ts';
import { gatewayConfigSchema } from './gateway-config.ts';
import { localPushEnv } from './local/local-push.ts';
import { bearer, startTestGateway } from './testing/test-gateway.ts';

/**
 * Generated from the gateway's route table: every documented route, called as each kind of
 * caller, must answer as its declared access says. A route added without a declaration, or a
 * guard that disagrees with its declaration, fails here.
 *
 * Every caller but the anonymous one holds a real ID token. The deactivated and deleted callers
 * got theirs before their account was disabled or deleted in Firebase Auth: the token is still
 * well signed and unexpired, and only the revocation check at verification refuses it, on
 * every route, public ones included (a credential that does not count is a 401, never anonymity).
 */
const config = loadConfig(gatewayConfigSchema, { ...localPushEnv(process.env.PUBSUB_EMULATOR_HOST ?? ''), LOG_LEVEL: 'silent' });
const routes = listRouteAccess(createGateway(config));
const callers = ['anonymous', 'member', 'moderator', 'admin', 'deactivated', 'deleted'] as const;
type Caller = (typeof callers)[number];
type Outcome = 'allowed' | 401 | 403;

function expectedOutcome(access: RouteAccess, caller: Caller): Outcome {
  if (caller === 'deactivated' || caller === 'deleted') return 401;
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (access === 'user') return 'allowed';
  return rolePermissions[caller satisfies Role].includes(access.permission) ? 'allowed' : 403;
}

const safeMethods = new Set(['GET', 'HEAD']);
let origin: string;
const sharedTokens = new Map<Caller, string>();

/**
 * A token for the caller. A route that changes something may change the caller itself (delete
 * the account, revoke its sessions), so each such call gets a caller of its own; reads share one.
 */
async function tokenFor(caller: Caller, method: string): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  const shared = sharedTokens.get(caller);
  if (shared && (safeMethods.has(method) || caller === 'deactivated' || caller === 'deleted')) return shared;
  const user = await (caller === 'member' ? signUpUser() : signUpUser({ roles: [caller as Role] }));
  return user.idToken;
}

beforeAll(async () => {
  ({ origin } = await startTestGateway());
  const [member, moderator, admin, deactivated, deleted] = await Promise.all([
    signUpUser(),
    signUpUser({ roles: ['moderator'] }),
    signUpUser({ roles: ['admin'] }),
    signUpFormerUser('deactivated'),
    signUpFormerUser('deleted'),
  ]);
  sharedTokens
    .set('member', member.idToken)
    .set('moderator', moderator.idToken)
    .set('admin', admin.idToken)
    .set('deactivated', deactivated.idToken)
    .set('deleted', deleted.idToken);
});

describe('authorization matrix', () => {
  it('covers every route, each with a declared access policy', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route.access, `${route.method} ${route.path}`).toBeDefined();
  });

  it('has routes for each kind of policy, so every row of the matrix means something', () => {
    const kinds = new Set(routes.map(({ access }) => (typeof access === 'object' ? 'permission' : access)));
    expect([...kinds].sort()).toEqual(['permission', 'public', 'user']);
  });

  const matrix = routes.flatMap((route) => callers.map((caller) => ({ ...route, caller })));
  it.each(matrix)('$method $path as $caller', async ({ method, path, access, caller }) => {
    const token = await tokenFor(caller, method);
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
    // Any id will do: the guard runs before the handler, and a handler may answer 404 for it.
    const response = await fetch(`${origin}${path.replace(/\{[^}]+\}/g, 'matrix-test')}`, {
      method,
      headers: { ...(token ? bearer(token) : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      ...(hasBody ? { body: '{}' } : {}),
    });
    // The status is the verdict; the body is dropped unread, so a route that streams (Server-Sent
    // Events) is checked like any other instead of being read until it ends.
    await response.body?.cancel();
    const expected = expectedOutcome(access!, caller);
    if (expected !== 'allowed') {
      expect(response.status).toBe(expected);
    } else {
      // Let through by the guard: whatever the handler makes of an empty body or an unknown id
      // (400, 404, 409, 429), it is not a refusal of the caller and not a crash.
      expect(response.status).not.toBeOneOf([401, 403]);
      expect(response.status).toBeLessThan(500);
    }
  });
});
