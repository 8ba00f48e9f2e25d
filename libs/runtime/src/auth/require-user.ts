import type { MiddlewareHandler } from 'hono';
import type { AppEnv, AuthenticatedEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';

/** 401 unless a verified user is on the request; typed so handlers behind it get `c.var.user`. */
export function requireUser(): MiddlewareHandler<AuthenticatedEnv> {
  // Not async: a guard has nothing to do once the handler runs, so it hands over without waiting.
  const guard: MiddlewareHandler<AppEnv> = (c, next) => {
    if (!c.get('user')) throw new ProblemError(401, 'unauthenticated', 'Sign in to do this.');
    return next();
  };
  // The guard reads AppEnv (user may be missing) and guarantees AuthenticatedEnv to what follows.
  return guard as unknown as MiddlewareHandler<AuthenticatedEnv>;
}
