import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { ProblemError } from '../http/problem-error.ts';

export type Credential = { kind: 'idToken' | 'sessionCookie'; value: string };

/** The session cookie's name: Firebase Hosting forwards only a cookie named `__session`. */
export const sessionCookieName = '__session';

const bearerPattern = /^Bearer +([\w.~+/-]+=*)$/i;

/**
 * The caller's credential, or undefined when there is none. An Authorization header that is
 * not a well-formed Bearer token is an error, not anonymity: a client that meant to sign in
 * must learn that it did not.
 */
export function credentialFrom(c: Context): Credential | undefined {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const token = bearerPattern.exec(authorization.trim())?.[1];
    if (!token) {
      throw new ProblemError(401, 'unauthenticated', 'The Authorization header must be "Bearer <Firebase ID token>".', {
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
      });
    }
    return { kind: 'idToken', value: token };
  }
  const cookie = getCookie(c, sessionCookieName);
  return cookie ? { kind: 'sessionCookie', value: cookie } : undefined;
}

/**
 * The session cookie this request is signed in with: undefined when it carries none, or when
 * a Bearer token signs it in (the Authorization header takes precedence over the cookie).
 */
export function sessionCookieOf(c: Context): string | undefined {
  const credential = credentialFrom(c);
  return credential?.kind === 'sessionCookie' ? credential.value : undefined;
}

/** The Bearer ID token this request is signed in with, if any. */
export function bearerTokenOf(c: Context): string | undefined {
  const credential = credentialFrom(c);
  return credential?.kind === 'idToken' ? credential.value : undefined;
}
