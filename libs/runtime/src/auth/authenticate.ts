import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { credentialFrom } from './credential.ts';
import { verifiedCredentials } from './verified-credential-cache.ts';
import { verifyCredential } from './verify-credential.ts';

/**
 * Sets `c.var.user` from a Bearer ID token or the `__session` cookie. No credential leaves it
 * undefined (routes decide whether that is enough); a bad one is a 401 even on public routes.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  // Not async: anonymous callers and cached credentials, nearly every request, go straight on
  // without another promise; only a credential seen for the first time waits for verification.
  return (c, next) => {
    const credential = credentialFrom(c);
    if (!credential) {
      c.set('user', undefined);
      return next();
    }
    const cache = verifiedCredentials[credential.kind];
    const cached = cache.get(credential.value);
    if (cached) {
      c.set('user', cached);
      return next();
    }
    return verifyCredential(credential).then((verified) => {
      cache.set(credential.value, verified.user, verified.expiresAt);
      c.set('user', verified.user);
      return next();
    });
  };
}
