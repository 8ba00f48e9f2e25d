import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { ConfigError } from '../config/load-config.ts';
import { ProblemError } from './problem-error.ts';

/** The header a cookie-authenticated client sends its CSRF token in. */
export const csrfHeaderName = 'X-CSRF-Token';

/** Methods that change something; a cross-site page must not be able to make them in someone's name. */
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return unsafeMethods.has(method);
}

/**
 * Signed double submit (OWASP's HMAC variant): the token is HMAC-SHA256(secret, session
 * cookie), base64url. Firebase Hosting forwards only the `__session` cookie, so a second
 * cookie holding the token would never reach us; instead the client reads the token from the
 * body of `POST /v1/auth/session` (or `GET /v1/auth/csrf`) and sends it back in a header. A
 * cross-site page can make the browser send the cookie but can neither read the token nor
 * compute it without the secret, and the token is bound to this one session.
 */
export class CsrfTokens {
  readonly #secret: Buffer;

  constructor(secret: string | Buffer) {
    this.#secret = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  }

  /** The token a client must present with unsafe requests made with `sessionCookie`. */
  tokenFor(sessionCookie: string): string {
    return this.#mac(sessionCookie).toString('base64url');
  }

  /** Whether `presented` is the token of `sessionCookie`, compared in constant time. */
  matches(sessionCookie: string, presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = this.#mac(sessionCookie);
    const given = Buffer.from(presented, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** A 403 `csrf_failed` unless the request carries the token of `sessionCookie`. */
  assertPresented(c: Context, sessionCookie: string): void {
    if (this.matches(sessionCookie, c.req.header(csrfHeaderName))) return;
    throw new ProblemError(
      403,
      'csrf_failed',
      `A request signed in by the session cookie must send its CSRF token in ${csrfHeaderName} (from POST /v1/auth/session or GET /v1/auth/csrf).`,
    );
  }

  #mac(sessionCookie: string): Buffer {
    return createHmac('sha256', this.#secret).update(sessionCookie, 'utf8').digest();
  }
}

/** Firebase's convention: a `demo-` project exists only on the emulators and can reach nothing real. */
export function isDemoProject(projectId: string): boolean {
  return projectId.startsWith('demo-');
}

let processSecret: Buffer | undefined;

/**
 * The secret CSRF tokens are signed with: `CSRF_SECRET`, which every instance of a deployment
 * must share (tokens are checked by whichever instance a request lands on). Only a `demo-`
 * project, which cannot be production, may go without: it gets a random secret for this
 * process, shared by every service in it, so tokens do not survive a restart.
 */
export function csrfSecretFor(config: { CSRF_SECRET?: string | undefined; GOOGLE_CLOUD_PROJECT: string }): string | Buffer {
  if (config.CSRF_SECRET) return config.CSRF_SECRET;
  if (isDemoProject(config.GOOGLE_CLOUD_PROJECT)) return (processSecret ??= randomBytes(32));
  throw new ConfigError([
    {
      variable: 'CSRF_SECRET',
      problem: `is required for project ${config.GOOGLE_CLOUD_PROJECT} (only demo- projects get a random one): at least 32 random characters, the same on every instance, e.g. \`openssl rand -base64 32\``,
    },
  ]);
}
