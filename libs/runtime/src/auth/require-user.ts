import type { MiddlewareHandler } from 'hono';
import type { AppEnv, AuthenticatedEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';

/** 401 unless a verified user is on the request; typed so handlers behind it get `c.var.user`. */
export function requireUser(): MiddlewareHandler<AuthenticatedEnv> {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!c.get('user')) throw new ProblemError(401, 'unauthenticated', 'Sign in to do this.');
    await next();
  };
  // The guard reads AppEnv (user may be missing) and guarantees AuthenticatedEnv to what follows.
  return guard as unknown as MiddlewareHandler<AuthenticatedEnv>;
}
