import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { credentialFrom } from './credential.ts';
import { VerifiedCredentialCache } from './verified-credential-cache.ts';
import { verifyCredential } from './verify-credential.ts';

/**
 * Sets `c.var.user` from a Bearer ID token or the `__session` cookie. No credential leaves it
 * undefined (routes decide whether that is enough); a bad one is a 401 even on public routes.
 */
export function authenticate(cache = new VerifiedCredentialCache()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credential = credentialFrom(c);
    if (!credential) {
      c.set('user', undefined);
      return next();
    }
    const cacheKey = `${credential.kind}:${credential.value}`;
    let user = cache.get(cacheKey);
    if (!user) {
      const verified = await verifyCredential(credential);
      cache.set(cacheKey, verified.user, verified.expiresAt);
      user = verified.user;
    }
    c.set('user', user);
    await next();
  };
}
