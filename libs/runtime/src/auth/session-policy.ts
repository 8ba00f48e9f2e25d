import type { Context } from 'hono';
import { CsrfTokens } from '../http/csrf.ts';
import { AccessPolicy } from './access-policy.ts';

/**
 * A service's rules for sessions, from its config: how long a new session cookie lives, the
 * CSRF tokens that go with cookies, and who the deployment admits. The session routes (in the
 * identity module) read it with `sessionPolicyOf(c)`, so they sign tokens with the very secret
 * the service checks them with.
 */
export interface SessionPolicy {
  /** Lifetime of a new session cookie, in seconds (SESSION_MAX_AGE_SECONDS). */
  readonly maxAgeSeconds: number;
  readonly csrf: CsrfTokens;
  readonly access: AccessPolicy;
}

export function createSessionPolicy(options: { maxAgeSeconds: number; csrfSecret: string | Buffer; accessAllowlist: readonly string[] }): SessionPolicy {
  return {
    maxAgeSeconds: options.maxAgeSeconds,
    csrf: new CsrfTokens(options.csrfSecret),
    access: new AccessPolicy(options.accessAllowlist),
  };
}

// Hono's typed context variables, app-independent: set by `authenticate` on every /v1 request.
declare module 'hono' {
  interface ContextVariableMap {
    sessionPolicy: SessionPolicy;
  }
}

/** The policy of the service handling this request. */
export function sessionPolicyOf(c: Context): SessionPolicy {
  const policy = c.get('sessionPolicy');
  if (!policy) throw new Error('No session policy on this request: session routes run under /v1 of a createService app');
  return policy;
}
