import { generateCookie } from 'hono/cookie';
import { sessionCookieName } from './credential.ts';

/**
 * The attributes every session cookie gets. HttpOnly: page scripts never see it. Secure
 * always, even locally: browsers treat http://localhost and http://127.0.0.1 as secure
 * contexts and keep Secure cookies there, so the local dashboard behaves as production does.
 * SameSite=Lax: the browser leaves it off cross-site subrequests and cross-site POSTs.
 */
const attributes = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;

/** A `Set-Cookie` value that stores the session cookie for `maxAgeSeconds`. */
export function sessionCookieHeader(sessionCookie: string, maxAgeSeconds: number): string {
  return generateCookie(sessionCookieName, sessionCookie, { ...attributes, maxAge: maxAgeSeconds });
}

/** A `Set-Cookie` value that makes the browser drop the session cookie. */
export const clearedSessionCookieHeader = generateCookie(sessionCookieName, '', { ...attributes, maxAge: 0 });
