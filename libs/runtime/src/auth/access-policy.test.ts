import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { serviceConfigSchema } from '../config/service-config.ts';
import { testService } from '../http/testing/test-service.ts';
import { AccessPolicy } from './access-policy.ts';
import { claimsOf, signUpUser, unsignedToken, type EmulatorUser } from './testing/emulator-users.ts';

const verified = (email: string) => ({ email, emailVerified: true });

describe('AccessPolicy', () => {
  it('admits everyone when the list is empty', () => {
    const open = new AccessPolicy([]);
    expect(open.isOpen).toBe(true);
    expect(open.admits({ email: null, emailVerified: false })).toBe(true);
  });

  it('admits listed addresses and whole domains, in any case', () => {
    const policy = new AccessPolicy(['Ada@Plaza.Example', '@Team.Example']);
    expect(policy.admits(verified('ada@plaza.example'))).toBe(true);
    expect(policy.admits(verified('ADA@PLAZA.EXAMPLE'))).toBe(true);
    expect(policy.admits(verified('grace@team.example'))).toBe(true);
    expect(policy.admits(verified('bob@plaza.example'))).toBe(false);
    // A domain entry is that domain only.
    expect(policy.admits(verified('eve@evil.team.example'))).toBe(false);
    expect(policy.admits(verified('eve@team.example.evil'))).toBe(false);
  });

  it('counts only verified addresses', () => {
    const policy = new AccessPolicy(['ada@plaza.example', '@team.example']);
    expect(policy.admits({ email: 'ada@plaza.example', emailVerified: false })).toBe(false);
    expect(policy.admits({ email: 'grace@team.example', emailVerified: false })).toBe(false);
    expect(policy.admits({ email: null, emailVerified: true })).toBe(false);
  });
});

describe('ACCESS_ALLOWLIST', () => {
  it('is off by default', () => {
    expect(loadConfig(serviceConfigSchema, {}).ACCESS_ALLOWLIST).toEqual([]);
  });

  it('parses addresses and @domains, lower-cased', () => {
    const config = loadConfig(serviceConfigSchema, { ACCESS_ALLOWLIST: ' Ada@Plaza.Example, @Team.Example ,' });
    expect(config.ACCESS_ALLOWLIST).toEqual(['ada@plaza.example', '@team.example']);
  });

  it('names each entry that is neither', () => {
    expect(() => loadConfig(serviceConfigSchema, { ACCESS_ALLOWLIST: 'ada@plaza.example,plaza.example,@,@nodot' })).toThrow(
      /ACCESS_ALLOWLIST\.1: must be an email address or @domain\.tld[\s\S]*ACCESS_ALLOWLIST\.2[\s\S]*ACCESS_ALLOWLIST\.3/,
    );
  });
});

// Real tokens from the Auth emulator; the emulator takes unsigned tokens, so the address and
// its verification are varied on a real user's token.
describe('a private deployment', () => {
  const { app } = testService({ ACCESS_ALLOWLIST: 'ada@plaza.example,@team.example' });
  let user: EmulatorUser;

  beforeAll(async () => {
    user = await signUpUser();
  });

  const tokenFor = (email: string, emailVerified: boolean) =>
    unsignedToken({ ...claimsOf(user.idToken), email, email_verified: emailVerified });
  const call = (path: string, idToken?: string) => app.request(path, { headers: idToken ? { authorization: `Bearer ${idToken}` } : {} });

  it.each([
    ['a listed address', 'Ada@plaza.example'],
    ['an address of a listed domain', 'grace@TEAM.example'],
  ])('admits %s once verified', async (_name, email) => {
    const response = await call('/v1/me', tokenFor(email, true));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ uid: user.uid });
  });

  it.each([
    ['an address not on the list', 'bob@plaza.test', true],
    ['a listed address that is not verified', 'ada@plaza.example', false],
    ['an unverified address of a listed domain', 'mallory@team.example', false],
  ])('refuses %s with 403 access_denied', async (_name, email, emailVerified) => {
    const response = await call('/v1/me', tokenFor(email, emailVerified));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'access_denied' });
  });

  it('refuses a credential it does not admit on public routes too, and leaves anonymous callers alone', async () => {
    expect((await call('/v1/whoami', tokenFor('bob@plaza.test', true))).status).toBe(403);
    expect((await call('/v1/whoami')).status).toBe(200);
    expect((await call('/v1/me')).status).toBe(401);
  });

  it('lets everyone in when the list is empty', async () => {
    const open = testService().app;
    const response = await open.request('/v1/me', { headers: { authorization: `Bearer ${tokenFor('bob@plaza.test', false)}` } });
    expect(response.status).toBe(200);
  });
});
