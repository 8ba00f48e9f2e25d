import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { serviceConfigSchema } from '../config/service-config.ts';
import { firebaseAuth } from '../firebase/firebase-auth.ts';
import { signUpUser, type EmulatorUser } from '../auth/testing/emulator-users.ts';
import { createService } from './create-service.ts';
import { CsrfTokens, csrfHeaderName, csrfSecretFor } from './csrf.ts';
import { testRoutes, testService } from './testing/test-service.ts';

const secret = 'a-test-secret-of-at-least-32-characters';

describe('CsrfTokens', () => {
  const tokens = new CsrfTokens(secret);

  it('binds a token to one session cookie and one secret', () => {
    const token = tokens.tokenFor('cookie-a');
    expect(token).toMatch(/^[\w-]{43}$/); // 32 bytes of HMAC-SHA256, base64url
    expect(tokens.tokenFor('cookie-a')).toBe(token);
    expect(tokens.matches('cookie-a', token)).toBe(true);
    expect(tokens.matches('cookie-b', token)).toBe(false);
    expect(new CsrfTokens(`${secret}!`).matches('cookie-a', token)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', 'abc'],
    ['not base64url', '!'.repeat(43)],
  ])('refuses a %s token', (_name, presented) => {
    expect(tokens.matches('cookie-a', presented)).toBe(false);
  });
});

describe('the CSRF secret', () => {
  it('is CSRF_SECRET when set', () => {
    expect(csrfSecretFor({ CSRF_SECRET: secret, GOOGLE_CLOUD_PROJECT: 'plaza-prod' })).toBe(secret);
  });

  it('is one random secret per process for a demo- project without CSRF_SECRET', () => {
    const first = csrfSecretFor({ GOOGLE_CLOUD_PROJECT: 'demo-plaza' });
    expect(Buffer.isBuffer(first) && first.length).toBe(32);
    expect(csrfSecretFor({ GOOGLE_CLOUD_PROJECT: 'demo-other' })).toBe(first);
  });

  it('is required for any other project: the service refuses to start', () => {
    expect(() => csrfSecretFor({ GOOGLE_CLOUD_PROJECT: 'plaza-prod' })).toThrow(ConfigError);
    const config = loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'plaza-prod' });
    expect(() => createService({ name: 'prod', config, modules: [{ name: 'test', routes: testRoutes() }] })).toThrow(
      /CSRF_SECRET: is required for project plaza-prod/,
    );
  });

  it('must be long enough to be a secret', () => {
    expect(() => loadConfig(serviceConfigSchema, { CSRF_SECRET: 'short' })).toThrow(/CSRF_SECRET: must be at least 32 characters/);
  });
});

// Real session cookies from the Auth emulator, through the whole service stack.
describe('CSRF check of requests signed in by the session cookie', () => {
  const { app } = testService({ CSRF_SECRET: secret });
  const tokens = new CsrfTokens(secret);
  let user: EmulatorUser;
  let sessionCookie: string;

  beforeAll(async () => {
    user = await signUpUser();
    sessionCookie = await (await firebaseAuth()).createSessionCookie(user.idToken, { expiresIn: 5 * 60_000 });
  });

  const postThing = (headers: Record<string, string>) =>
    app.request('/v1/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ title: 'a', count: 1 }),
    });

  it.each([
    ['without a token', {}],
    ['with the token of another session', { [csrfHeaderName]: new CsrfTokens(secret).tokenFor('another-cookie') }],
    ['with a token signed by another secret', { [csrfHeaderName]: new CsrfTokens(`${secret}-other`).tokenFor('x') }],
    ['with garbage', { [csrfHeaderName]: 'garbage' }],
  ])('refuses an unsafe request %s with 403 csrf_failed', async (_name, headers) => {
    const response = await postThing({ cookie: `__session=${sessionCookie}`, ...headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it("takes an unsafe request with the session's token", async () => {
    const response = await postThing({ cookie: `__session=${sessionCookie}`, [csrfHeaderName]: tokens.tokenFor(sessionCookie) });
    expect(response.status).toBe(201);
  });

  it('asks nothing of safe requests', async () => {
    const response = await app.request('/v1/me', { headers: { cookie: `__session=${sessionCookie}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ uid: user.uid });
  });

  it('asks nothing of Bearer requests, even with the cookie beside them', async () => {
    expect((await postThing({ authorization: `Bearer ${user.idToken}` })).status).toBe(201);
    expect((await postThing({ authorization: `Bearer ${user.idToken}`, cookie: `__session=${sessionCookie}` })).status).toBe(201);
  });

  it('asks nothing of anonymous requests', async () => {
    expect((await postThing({})).status).toBe(201);
  });
});
