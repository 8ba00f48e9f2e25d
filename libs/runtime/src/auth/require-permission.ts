import type { Permission } from '@plaza/contracts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, AuthenticatedEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';

/** 401 for anonymous callers, 403 for users whose roles do not grant `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler<AuthenticatedEnv> {
  // Not async: a guard has nothing to do once the handler runs, so it hands over without waiting.
  const guard: MiddlewareHandler<AppEnv> = (c, next) => {
    const user = c.get('user');
    if (!user) throw new ProblemError(401, 'unauthenticated', 'Sign in to do this.');
    if (!user.permissions.has(permission)) {
      throw new ProblemError(403, 'forbidden', `This needs the permission ${permission}.`);
    }
    return next();
  };
  // The guard reads AppEnv (user may be missing) and guarantees AuthenticatedEnv to what follows.
  return guard as unknown as MiddlewareHandler<AuthenticatedEnv>;
}
