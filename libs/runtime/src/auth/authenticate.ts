import type { Context, MiddlewareHandler, Next } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { isUnsafeMethod } from '../http/csrf.ts';
import { ProblemError } from '../http/problem-error.ts';
import type { AuthUser } from './auth-user.ts';
import { credentialFrom, type Credential } from './credential.ts';
import type { SessionPolicy } from './session-policy.ts';
import { verifiedCredentials } from './verified-credential-cache.ts';
import { verifyCredential } from './verify-credential.ts';

/**
 * Sets `c.var.user` from a Bearer ID token or the `__session` cookie. No credential leaves it
 * undefined (routes decide whether that is enough); a bad one is a 401 even on public routes,
 * a user the access policy does not admit a 403, and an unsafe request signed in by the
 * cookie without its CSRF token a 403. Bearer requests need no CSRF token: a cross-site page
 * cannot make the browser add an Authorization header.
 */
export function authenticate(policy: SessionPolicy): MiddlewareHandler<AppEnv> {
  // Not async: anonymous callers and cached credentials, nearly every request, go straight on
  // without another promise; only a credential seen for the first time waits for verification.
  return (c, next) => {
    c.set('sessionPolicy', policy);
    const credential = credentialFrom(c);
    if (!credential) {
      c.set('user', undefined);
      return next();
    }
    const cache = verifiedCredentials[credential.kind];
    const cached = cache.get(credential.value);
    if (cached) return admit(c, next, policy, credential, cached);
    return verifyCredential(credential).then((verified) => {
      cache.set(credential.value, verified.user, verified.expiresAt);
      return admit(c, next, policy, credential, verified.user);
    });
  };
}

function admit(c: Context<AppEnv>, next: Next, policy: SessionPolicy, credential: Credential, user: AuthUser): Promise<void> {
  if (!policy.access.admits(user)) {
    throw new ProblemError(403, 'access_denied', 'This deployment admits only the verified email addresses on its access list.');
  }
  if (credential.kind === 'sessionCookie' && isUnsafeMethod(c.req.method)) policy.csrf.assertPresented(c, credential.value);
  c.set('user', user);
  return next();
}
