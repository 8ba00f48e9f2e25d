import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { MiddlewareHandler } from 'hono';
import type { ServiceConfig } from '../config/service-config.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';

export type PushAuthOptions =
  | { readonly mode: 'none' }
  | {
      readonly mode: 'oidc';
      /** The audience the subscription's oidcToken names. */
      readonly audience: string;
      /** The service account Pub/Sub (or Cloud Scheduler) signs as; any other signer is refused. */
      readonly serviceAccountEmail: string;
      /** `https://accounts.google.com` in production, the Pub/Sub emulator's URL locally. */
      readonly issuer: string;
      readonly jwksUrl: string;
    };

type PushAuthConfig = Pick<
  ServiceConfig,
  'PUSH_AUTH' | 'PUSH_AUDIENCE' | 'PUSH_SERVICE_ACCOUNT' | 'PUSH_OIDC_ISSUER' | 'PUSH_OIDC_JWKS_URL'
>;

export function pushAuthOptionsFrom(config: PushAuthConfig): PushAuthOptions {
  if (config.PUSH_AUTH === 'none') return { mode: 'none' };
  if (!config.PUSH_AUDIENCE || !config.PUSH_SERVICE_ACCOUNT) {
    // Verifying a token without checking its audience and signer would accept any Google token.
    throw new Error('PUSH_AUTH=oidc needs PUSH_AUDIENCE and PUSH_SERVICE_ACCOUNT');
  }
  return {
    mode: 'oidc',
    audience: config.PUSH_AUDIENCE,
    serviceAccountEmail: config.PUSH_SERVICE_ACCOUNT,
    issuer: config.PUSH_OIDC_ISSUER,
    jwksUrl: config.PUSH_OIDC_JWKS_URL,
  };
}

/**
 * Lets through only requests signed by the expected service account for our audience: the OIDC
 * token Pub/Sub push and Cloud Scheduler attach. The same code checks the emulator's tokens
 * locally, pointed at its issuer and keys.
 */
export function verifyPushToken(options: PushAuthOptions): MiddlewareHandler<AppEnv> {
  if (options.mode === 'none') return async (_c, next) => next();
  // One key set per middleware: jose caches the keys and refetches on an unknown key id.
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  return async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new ProblemError(401, 'unauthenticated', 'A push needs an OIDC bearer token');
    const { payload } = await jwtVerify(token, jwks, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ['RS256'],
    }).catch((error: unknown) => {
      // A bad token is the caller's fault; anything else (keys unreachable) is ours and retried.
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
        throw new ProblemError(401, 'unauthenticated', `Push token rejected: ${error.code}`);
      }
      throw error;
    });
    if (payload.email !== options.serviceAccountEmail || payload.email_verified !== true) {
      throw new ProblemError(403, 'forbidden', 'Push token was not issued to the expected service account');
    }
    await next();
  };
}
