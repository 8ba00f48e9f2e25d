import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { credentialFrom } from './credential.ts';
import { VerifiedCredentialCache } from './verified-credential-cache.ts';
import { verifyCredential } from './verify-credential.ts';

/**
 * Sets `c.var.user` from a Bearer ID token or the `__session` cookie. No credential leaves it
 * undefined (routes decide whether that is enough); a bad one is a 401 even on public routes.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  // One cache per kind: a token verified as one kind is never taken for the other, and the
  // lookup needs no key built from a kilobyte-long token on every request.
  const caches = { idToken: new VerifiedCredentialCache(), sessionCookie: new VerifiedCredentialCache() };
  return async (c, next) => {
    const credential = credentialFrom(c);
    if (!credential) {
      c.set('user', undefined);
      return next();
    }
    const cache = caches[credential.kind];
    let user = cache.get(credential.value);
    if (!user) {
      const verified = await verifyCredential(credential);
      cache.set(credential.value, verified.user, verified.expiresAt);
      user = verified.user;
    }
    c.set('user', user);
    await next();
  };
}
