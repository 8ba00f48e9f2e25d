import type { AuthUser } from '../auth/auth-user.ts';
import type { Logger } from '../logging/logger.ts';

/** The Hono environment of every Plaza app: what middleware puts in `c.var`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** A child of the service logger carrying the request id and trace. */
    logger: Logger;
    /** Undefined for anonymous callers; a bad credential never gets this far (401). */
    user: AuthUser | undefined;
  };
}

/** The environment behind `requireUser()` and `requirePermission()`: the user is known. */
export interface AuthenticatedEnv {
  Variables: AppEnv['Variables'] & { user: AuthUser };
}
