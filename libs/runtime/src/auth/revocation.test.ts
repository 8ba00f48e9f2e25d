import { describe, expect, it } from 'vitest';
import { firebaseAuth } from '../firebase/firebase-auth.ts';
import { testService } from '../http/testing/test-service.ts';
import { signUpUser } from './testing/emulator-users.ts';
import { forgetVerifiedCredentials } from './verified-credential-cache.ts';

/**
 * Firebase compares a token's `auth_time` with the account's `tokensValidAfterTime` in whole
 * seconds: a revocation in the second of the sign-in does not reach that sign-in's tokens.
 * Waiting for the next second makes the revocation come strictly after it, as it would for a
 * person.
 */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

// Real accounts in the Auth emulator, changed with firebase-admin the way the admin and logout
// routes change them; each is then refused on its very next request.
describe('credentials of revoked, disabled and deleted accounts', () => {
  const { app } = testService();
  const me = (headers: Record<string, string>) => app.request('/v1/me', { headers });

  async function signedIn() {
    const user = await signUpUser();
    const sessionCookie = await (await firebaseAuth()).createSessionCookie(user.idToken, { expiresIn: 5 * 60_000 });
    const asBearer = { authorization: `Bearer ${user.idToken}` };
    const asCookie = { cookie: `__session=${sessionCookie}` };
    // Both verified and now cached by this instance.
    expect((await me(asBearer)).status).toBe(200);
    expect((await me(asCookie)).status).toBe(200);
    return { user, asBearer, asCookie };
  }

  it('refuses the ID tokens and session cookies issued before a revocation: 401 session_revoked', async () => {
    const { user, asBearer, asCookie } = await signedIn();
    await nextSecond();
    await (await firebaseAuth()).revokeRefreshTokens(user.uid);
    // Until forgotten, this instance trusts what it verified moments ago (at most
    // verifiedCredentialMaxAgeMs): the window other instances have after a revocation.
    expect((await me(asBearer)).status).toBe(200);
    forgetVerifiedCredentials(user.uid);

    const bearer = await me(asBearer);
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toMatchObject({ code: 'session_revoked' });
    const cookie = await me(asCookie);
    expect(cookie.status).toBe(401);
    expect(await cookie.json()).toMatchObject({ code: 'session_revoked' });
    // The browser is told to drop the cookie, so it stops sending it and can sign in again.
    expect(cookie.headers.get('set-cookie')).toMatch(/^__session=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(bearer.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a disabled account: 401 account_disabled, and takes it back once enabled', async () => {
    const { user, asBearer, asCookie } = await signedIn();
    const auth = await firebaseAuth();
    await auth.updateUser(user.uid, { disabled: true });
    forgetVerifiedCredentials(user.uid);
    for (const headers of [asBearer, asCookie]) {
      const response = await me(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'account_disabled' });
    }
    await auth.updateUser(user.uid, { disabled: false });
    expect((await me(asBearer)).status).toBe(200);
  });

  it('refuses a deleted account as unknown: 401 unauthenticated', async () => {
    const { user, asBearer, asCookie } = await signedIn();
    await (await firebaseAuth()).deleteUser(user.uid);
    forgetVerifiedCredentials(user.uid);
    for (const headers of [asBearer, asCookie]) {
      const response = await me(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('forgets only the user named: the others stay cached and signed in', async () => {
    const [kept, revoked] = await Promise.all([signedIn(), signedIn()]);
    await nextSecond();
    await (await firebaseAuth()).revokeRefreshTokens(revoked.user.uid);
    forgetVerifiedCredentials(revoked.user.uid);
    expect((await me(revoked.asBearer)).status).toBe(401);
    expect((await me(kept.asBearer)).status).toBe(200);
    expect((await me(kept.asCookie)).status).toBe(200);
  });

  it('re-checks a credential it has not seen, without any forgetting', async () => {
    const user = await signUpUser();
    await (await firebaseAuth()).updateUser(user.uid, { disabled: true });
    const response = await me({ authorization: `Bearer ${user.idToken}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'account_disabled' });
  });
});
