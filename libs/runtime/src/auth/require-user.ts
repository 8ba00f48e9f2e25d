import type { MiddlewareHandler } from 'hono';
import type { AuthenticatedEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';

/** 401 unless a verified user is on the request; typed so handlers behind it get `c.var.user`. */
export function requireUser(): MiddlewareHandler<AuthenticatedEnv> {
  return async (c, next) => {
    if (!c.var.user) throw new ProblemError(401, 'unauthenticated', 'Sign in to do this.');
    await next();
  };
}
