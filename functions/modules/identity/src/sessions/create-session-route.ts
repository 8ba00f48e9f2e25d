import { CreateSessionRequest, SessionResponse } from '@plaza/contracts';
import {
  bearerTokenOf,
  createRouter,
  defineRoute,
  firebaseAuth,
  ProblemError,
  sessionCookieHeader,
  sessionPolicyOf,
  verifyCredential,
  type AccessPolicy,
  type AuthUser,
} from '@plaza/runtime';
import { assertRecentSignIn } from '../account/recent-sign-in.ts';

export const createSessionRoute = defineRoute({
  method: 'post',
  path: '/auth/session',
  operationId: 'createSession',
  tags: ['sessions'],
  summary: 'Exchange a fresh ID token for a session cookie',
  description:
    'The ID token comes as `Authorization: Bearer` (preferred) or in the body, and must be from a sign-in in the last ' +
    '5 minutes (else 401 `reauthentication_required`). Sets the HttpOnly `__session` cookie and returns its CSRF token, ' +
    'which every POST, PUT, PATCH and DELETE signed in by the cookie must send as `X-CSRF-Token`.',
  access: 'public',
  // Each call is a call to Firebase Auth: a brake on a client that loops.
  rateLimit: { limit: 30, windowMs: 60_000, key: 'ip' },
  request: { body: { required: false, content: { 'application/json': { schema: CreateSessionRequest } } } },
  responses: {
    200: { description: 'The session cookie is set', content: { 'application/json': { schema: SessionResponse } } },
  },
});

export const createSessionRoutes = createRouter().openapi(createSessionRoute, async (c) => {
  const policy = sessionPolicyOf(c);
  // Without a JSON body the validator does not run and there is nothing to read.
  const fromBody = (c.req.valid('json') as CreateSessionRequest | undefined)?.idToken;
  const idToken = fromBody ?? bearerTokenOf(c);
  if (!idToken) {
    throw new ProblemError(400, 'validation_failed', 'Send the ID token of a fresh sign-in.', {
      errors: [{ path: 'body.idToken', message: 'Required, unless the ID token comes as Authorization: Bearer' }],
    });
  }
  const user = fromBody ? await verifiedBodyToken(fromBody, policy.access) : c.get('user');
  // A Bearer request always has its user: authenticate verified the token, or refused it.
  if (!user) throw new ProblemError(401, 'unauthenticated', 'Sign in to do this.');
  // A session cookie outlives the ID token by days; only a sign-in just made may start one.
  assertRecentSignIn(user.claims);

  const expiresInMs = policy.maxAgeSeconds * 1000;
  const sessionCookie = await createSessionCookie(idToken, expiresInMs);
  c.get('logger').info({ uid: user.uid, maxAgeSeconds: policy.maxAgeSeconds }, 'session cookie issued');
  c.header('Set-Cookie', sessionCookieHeader(sessionCookie, policy.maxAgeSeconds), { append: true });
  c.header('Cache-Control', 'no-store');
  return c.json({ csrfToken: policy.csrf.tokenFor(sessionCookie), expiresAt: new Date(Date.now() + expiresInMs).toISOString() }, 200);
});

/** The body's token gets what authenticate gives a Bearer one: verification, revocation check, access policy. */
async function verifiedBodyToken(idToken: string, access: AccessPolicy): Promise<AuthUser> {
  const { user } = await verifyCredential({ kind: 'idToken', value: idToken });
  if (!access.admits(user)) {
    throw new ProblemError(403, 'access_denied', 'This deployment admits only the verified email addresses on its access list.');
  }
  return user;
}

async function createSessionCookie(idToken: string, expiresInMs: number): Promise<string> {
  try {
    return await (await firebaseAuth()).createSessionCookie(idToken, { expiresIn: expiresInMs });
  } catch (error) {
    // The token was verified a moment ago; Auth refusing it now means it expired or was revoked since.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('auth/') && code !== 'auth/internal-error') {
      throw new ProblemError(401, 'unauthenticated', 'The ID token is no longer accepted: sign in again.');
    }
    throw error;
  }
}
