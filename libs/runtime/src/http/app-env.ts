import type { AuthUser } from '../auth/auth-user.ts';
import type { Logger } from '../logging/logger.ts';

/**
 * The Hono environment of every Plaza app: what middleware puts in `c.var`. Code on the request
 * path reads it with `c.get(name)`: each read of `c.var` copies every variable into a new object.
 */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The caller's address as far as we can trust it (see client-address.ts); keys rate limits. */
    clientAddress: string;
    /** A child of the service logger carrying the request id and trace. */
    logger: Logger;
    /** Undefined for anonymous callers; a bad credential never gets this far (401). */
    user: AuthUser | undefined;
  };
}

/**
 * What `requireUser()` and `requirePermission()` add for the handlers behind them: the user
 * is known. Hono intersects it with AppEnv, so such a handler reads `c.var.user` as AuthUser.
 */
export interface AuthenticatedEnv {
  Variables: { user: AuthUser };
}
