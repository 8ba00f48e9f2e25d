import { PermissionCheckResponse, SessionResponse, type ProblemDetails } from '@plaza/contracts';
import { firebaseAuth, forgetVerifiedCredentials } from '@plaza/runtime';
import { claimsOf, signInAgain, signUpUser, unsignedToken, type EmulatorUser } from '@plaza/runtime/testing';
import { SignJWT, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, startTestGateway } from '../testing/test-gateway.ts';

/**
 * Session cookies end to end: a person signs in through the Auth emulator's REST API (as the web
 * SDK does), trades the fresh ID token for the `__session` cookie, and uses the cookie with its
 * CSRF token, over HTTP against a real gateway.
 */
let origin: string;

beforeAll(async () => {
  ({ origin } = await startTestGateway());
});

afterEach(() => {
  vi.useRealTimers();
});

interface Session {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}, at = origin): Promise<Response> {
  return fetch(`${at}${path}`, init);
}

async function createSession(headers: Record<string, string>, body?: object, at = origin): Promise<Response> {
  return call(
    '/v1/auth/session',
    {
      method: 'POST',
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    },
    at,
  );
}

async function sessionFrom(response: Response): Promise<Session> {
  expect(response.status).toBe(200);
  const { csrfToken } = SessionResponse.parse(await response.json());
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('__session=')) ?? '';
  const cookie = /^__session=([^;]+)/.exec(setCookie)?.[1] ?? '';
  expect(cookie).not.toBe('');
  return { cookie, csrfToken, setCookie };
}

const withCookie = (session: Pick<Session, 'cookie'>) => ({ cookie: `__session=${session.cookie}` });
const withCsrf = (session: Session) => ({ ...withCookie(session), 'x-csrf-token': session.csrfToken });
const whoAmI = (headers: Record<string, string>) => call('/v1/me/permissions', { headers });
const logOut = (headers: Record<string, string>) => call('/v1/auth/session', { method: 'DELETE', headers });
const logOutEverywhere = (headers: Record<string, string>) => call('/v1/auth/logout-all', { method: 'POST', headers });

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as ProblemDetails;
}

/** Firebase compares sign-in and revocation times in whole seconds; a revocation must come after the sign-in's second. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

const clearedCookie = /^__session=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax$/;

describe('session cookies', () => {
  it('trades a fresh ID token for an HttpOnly, Secure, SameSite=Lax cookie that signs requests in', async () => {
    const person = await signUpUser();
    const response = await createSession(bearer(person.idToken));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = await sessionFrom(response);
    expect(session.setCookie).toMatch(/^__session=[^;]+; Max-Age=432000; Path=\/; HttpOnly; Secure; SameSite=Lax$/);

    const me = await whoAmI(withCookie(session));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ uid: person.uid, roles: ['member'] });

    // A reloaded page asks for the token of its cookie again.
    const csrf = await call('/v1/auth/csrf', { headers: withCookie(session) });
    expect(csrf.status).toBe(200);
    expect(await csrf.json()).toEqual({ csrfToken: session.csrfToken });
  });

  it('takes the ID token in the body too', async () => {
    const person = await signUpUser();
    const session = await sessionFrom(await createSession({}, { idToken: person.idToken }));
    expect(await (await whoAmI(withCookie(session))).json()).toMatchObject({ uid: person.uid });
  });

  it('logs this browser out: the cookie is cleared, with the CSRF token', async () => {
    const person = await signUpUser();
    const session = await sessionFrom(await createSession(bearer(person.idToken)));

    const withoutToken = await logOut(withCookie(session));
    expect(withoutToken.status).toBe(403);
    expect(await problemOf(withoutToken)).toMatchObject({ code: 'csrf_failed' });

    const loggedOut = await logOut(withCsrf(session));
    expect(loggedOut.status).toBe(204);
    expect(loggedOut.headers.getSetCookie()).toEqual([expect.stringMatching(clearedCookie)]);
    // One device logging out signs no other out: the ID token (another device) still works.
    expect((await whoAmI(bearer(person.idToken))).status).toBe(200);
  });

  it('refuses a request without any token, naming the field', async () => {
    const response = await createSession({});
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.idToken' }] });
  });

  it('has no CSRF token to give a request signed in by Bearer', async () => {
    const person = await signUpUser();
    const response = await call('/v1/auth/csrf', { headers: bearer(person.idToken) });
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'cookies.__session' }] });
  });
});

describe('a stale sign-in', () => {
  it('cannot start a session: 401 reauthentication_required, as Bearer or in the body', async () => {
    const person = await signUpUser();
    // Six minutes later, by the clock the gateway reads (it runs in this process). The token
    // itself (an hour's life) is still valid; only its sign-in is too old.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * 60_000 });
    expect((await whoAmI(bearer(person.idToken))).status).toBe(200);
    for (const response of [await createSession(bearer(person.idToken)), await createSession({}, { idToken: person.idToken })]) {
      expect(response.status).toBe(401);
      expect(await problemOf(response)).toMatchObject({ code: 'reauthentication_required' });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('CSRF on requests signed in by the cookie', () => {
  let person: EmulatorUser;
  let session: Session;

  beforeAll(async () => {
    person = await signUpUser();
    session = await sessionFrom(await createSession(bearer(person.idToken)));
  });

  it.each([
    ['missing', undefined],
    ['wrong', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ["another person's", 'another'],
  ])('refuses an unsafe request whose token is %s: 403 csrf_failed', async (_name, token) => {
    let csrfToken = token;
    if (token === 'another') csrfToken = (await sessionFrom(await createSession(bearer((await signUpUser()).idToken)))).csrfToken;
    const response = await call('/v1/auth/logout-all', {
      method: 'POST',
      headers: { ...withCookie(session), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    });
    expect(response.status).toBe(403);
    expect(await problemOf(response)).toMatchObject({ code: 'csrf_failed' });
    // Nothing was revoked.
    expect((await whoAmI(withCookie(session))).status).toBe(200);
  });

  it('needs no token for safe requests', async () => {
    expect((await call('/v1/auth/permissions?check=profiles:read', { headers: withCookie(session) })).status).toBe(200);
  });
});

describe('logout everywhere', () => {
  it('refuses every earlier ID token and session cookie from the next request on', async () => {
    const person = await signUpUser();
    const session = await sessionFrom(await createSession(bearer(person.idToken)));
    // Both credentials are verified, and cached by the gateway, before the revocation.
    expect((await whoAmI(bearer(person.idToken))).status).toBe(200);
    expect((await whoAmI(withCookie(session))).status).toBe(200);
    await nextSecond();

    const response = await logOutEverywhere(withCsrf(session));
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(clearedCookie)]);

    for (const headers of [bearer(person.idToken), withCookie(session)]) {
      const refused = await whoAmI(headers);
      expect(refused.status).toBe(401);
      expect(await problemOf(refused)).toMatchObject({ code: 'session_revoked' });
    }
    // The stale cookie is cleared on refusal, so the browser can start over.
    expect((await whoAmI(withCookie(session))).headers.getSetCookie()).toEqual([expect.stringMatching(clearedCookie)]);

    // Signing in again works.
    await nextSecond();
    const fresh = await signInAgain(person);
    expect((await whoAmI(bearer(fresh))).status).toBe(200);
    const again = await sessionFrom(await createSession(bearer(fresh)));
    expect((await whoAmI(withCookie(again))).status).toBe(200);
  });

  it('needs no CSRF token when asked with Bearer', async () => {
    const person = await signUpUser();
    await nextSecond();
    expect((await logOutEverywhere(bearer(person.idToken))).status).toBe(204);
    expect((await whoAmI(bearer(person.idToken))).status).toBe(401);
  });
});

describe('accounts that no longer count', () => {
  it('refuses a disabled account’s token and cookie: 401 account_disabled', async () => {
    const person = await signUpUser();
    const session = await sessionFrom(await createSession(bearer(person.idToken)));
    await (await firebaseAuth()).updateUser(person.uid, { disabled: true });
    // What the admin routes do after disabling: the gateway (in this process) verified the ID
    // token moments ago and would trust it for a few more seconds.
    forgetVerifiedCredentials(person.uid);
    for (const headers of [bearer(person.idToken), withCookie(session)]) {
      const response = await whoAmI(headers);
      expect(response.status).toBe(401);
      expect(await problemOf(response)).toMatchObject({ code: 'account_disabled' });
    }
    const refused = await createSession({}, { idToken: person.idToken });
    expect(refused.status).toBe(401);
    expect(await problemOf(refused)).toMatchObject({ code: 'account_disabled' });
  });

  it('refuses a deleted account’s token and cookie: 401 unauthenticated', async () => {
    const person = await signUpUser();
    const session = await sessionFrom(await createSession(bearer(person.idToken)));
    await (await firebaseAuth()).deleteUser(person.uid);
    forgetVerifiedCredentials(person.uid);
    for (const headers of [bearer(person.idToken), withCookie(session)]) {
      const response = await whoAmI(headers);
      expect(response.status).toBe(401);
      expect(await problemOf(response)).toMatchObject({ code: 'unauthenticated' });
    }
  });
});

describe('forged and expired credentials', () => {
  let person: EmulatorUser;
  let session: Session;

  beforeAll(async () => {
    person = await signUpUser();
    session = await sessionFrom(await createSession(bearer(person.idToken)));
  });

  it('refuses a session cookie signed with a key that is not Google’s, and clears it', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...claimsOf(session.cookie), roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey);
    const response = await whoAmI(withCookie({ cookie: forged }));
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toMatchObject({ code: 'unauthenticated' });
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(clearedCookie)]);
  });

  it('refuses an expired session cookie', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = claimsOf(session.cookie);
    // The emulator's cookies are unsigned: the same cookie with a live expiry passes.
    expect((await whoAmI(withCookie({ cookie: unsignedToken({ ...claims, exp: now + 600 }) }))).status).toBe(200);
    const expired = unsignedToken({ ...claims, exp: now - 60 });
    const response = await whoAmI(withCookie({ cookie: expired }));
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a forged or expired ID token in the body', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claimsOf(person.idToken)).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).sign(privateKey);
    const now = Math.floor(Date.now() / 1000);
    const expired = unsignedToken({ ...claimsOf(person.idToken), exp: now - 60 });
    for (const idToken of [forged, expired, 'not-a-token']) {
      const response = await createSession({}, { idToken });
      expect(response.status).toBe(401);
      expect(await problemOf(response)).toMatchObject({ code: 'unauthenticated' });
    }
  });
});

describe('a private deployment (ACCESS_ALLOWLIST)', () => {
  let privateOrigin: string;
  let listed: EmulatorUser;
  let stranger: EmulatorUser;

  beforeAll(async () => {
    ({ origin: privateOrigin } = await startTestGateway({ ACCESS_ALLOWLIST: '@plaza.test' }));
    [listed, stranger] = await Promise.all([signUpUser(), signUpUser()]);
  });

  it('admits a verified address of a listed domain, by Bearer and by session', async () => {
    const unverified = await call('/v1/me/permissions', { headers: bearer(listed.idToken) }, privateOrigin);
    expect(unverified.status).toBe(403);
    expect(await problemOf(unverified)).toMatchObject({ code: 'access_denied' });

    await (await firebaseAuth()).updateUser(listed.uid, { emailVerified: true });
    const idToken = await signInAgain(listed); // carries email_verified: true
    expect((await call('/v1/me/permissions', { headers: bearer(idToken) }, privateOrigin)).status).toBe(200);
    const session = await sessionFrom(await createSession({}, { idToken }, privateOrigin));
    expect((await call('/v1/me/permissions', { headers: withCookie(session) }, privateOrigin)).status).toBe(200);
  });

  it('refuses everyone else: 403 access_denied, sessions included', async () => {
    const outside = unsignedToken({ ...claimsOf(stranger.idToken), email: 'eve@elsewhere.example', email_verified: true });
    for (const response of [
      await call('/v1/me/permissions', { headers: bearer(outside) }, privateOrigin),
      await createSession({}, { idToken: outside }, privateOrigin),
    ]) {
      expect(response.status).toBe(403);
      expect(await problemOf(response)).toMatchObject({ code: 'access_denied' });
    }
  });

  it('is off by default: the shared gateway admits an unverified address', async () => {
    expect((await whoAmI(bearer(stranger.idToken))).status).toBe(200);
  });
});

describe('GET /v1/auth/permissions', () => {
  let member: EmulatorUser;
  let admin: EmulatorUser;

  beforeAll(async () => {
    [member, admin] = await Promise.all([signUpUser(), signUpUser({ roles: ['admin'] })]);
  });

  const check = async (user: EmulatorUser, permission: string) => {
    const response = await call(`/v1/auth/permissions?check=${encodeURIComponent(permission)}`, { headers: bearer(user.idToken) });
    expect(response.status).toBe(200);
    return PermissionCheckResponse.parse(await response.json());
  };

  it('says whether the caller holds the permission', async () => {
    expect(await check(member, 'profile:read:self')).toEqual({ permission: 'profile:read:self', granted: true });
    expect(await check(member, 'users:delete')).toEqual({ permission: 'users:delete', granted: false });
    expect(await check(admin, 'users:delete')).toEqual({ permission: 'users:delete', granted: true });
  });

  it.each([
    ['an unknown permission', '?check=users:fly'],
    ['no permission', ''],
  ])('refuses %s with 400 naming query.check', async (_name, query) => {
    const response = await call(`/v1/auth/permissions${query}`, { headers: bearer(member.idToken) });
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'query.check' }] });
  });

  it('needs a signed-in caller', async () => {
    expect((await call('/v1/auth/permissions?check=profiles:read')).status).toBe(401);
  });
});
