import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { firebaseAuth } from '../firebase/firebase-auth.ts';
import { testService } from '../http/testing/test-service.ts';
import { claimsOf, signUpUser, unsignedToken, type EmulatorUser } from './testing/emulator-users.ts';

// Real ID tokens from the Auth emulator, verified by firebase-admin pointed at it.
describe('authentication', () => {
  const { app } = testService();
  let member: EmulatorUser;

  beforeAll(async () => {
    member = await signUpUser();
  });

  const whoami = (headers: Record<string, string>) => app.request('/v1/whoami', { headers });

  it('leaves an anonymous caller anonymous', async () => {
    const response = await whoami({});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ uid: null, roles: [] });
  });

  it('knows the caller of a valid ID token, as a member by default', async () => {
    const response = await whoami({ authorization: `Bearer ${member.idToken}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ uid: member.uid, roles: ['member'] });
  });

  it('knows the caller of a valid session cookie', async () => {
    const cookie = await (await firebaseAuth()).createSessionCookie(member.idToken, { expiresIn: 5 * 60_000 });
    const response = await whoami({ cookie: `__session=${cookie}` });
    expect(await response.json()).toEqual({ uid: member.uid, roles: ['member'] });
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['an ID token used as a session cookie', 'cookie'],
  ])('rejects %s with 401', async (_name, kind) => {
    const headers: Record<string, string> = kind === 'cookie' ? { cookie: `__session=${member.idToken}` } : { authorization: `Bearer ${kind}` };
    const response = await whoami(headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('rejects an expired token with 401 instead of treating the caller as anonymous', async () => {
    const now = Math.floor(Date.now() / 1000);
    // The same token with a live expiry passes, so the expiry alone is what is refused.
    const live = unsignedToken({ ...claimsOf(member.idToken), exp: now + 600 });
    expect((await whoami({ authorization: `Bearer ${live}` })).status).toBe(200);
    const expired = unsignedToken({ ...claimsOf(member.idToken), iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
    const response = await whoami({ authorization: `Bearer ${expired}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('rejects a token signed with a key that is not the issuer’s', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...claimsOf(member.idToken), roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey);
    expect((await whoami({ authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('rejects a token for another project', async () => {
    const claims = claimsOf(member.idToken);
    const otherProject = unsignedToken({ ...claims, aud: 'demo-elsewhere', iss: 'https://securetoken.google.com/demo-elsewhere' });
    expect((await whoami({ authorization: `Bearer ${otherProject}` })).status).toBe(401);
  });

  it('rejects an Authorization header that is not a Bearer token', async () => {
    const response = await whoami({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_request');
  });
});
