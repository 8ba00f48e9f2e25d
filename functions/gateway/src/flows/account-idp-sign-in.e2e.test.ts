import { ApplyActionResponse, MeResponse } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInWithIdp } from './account-idp-support.ts';
import {
  actionOf,
  callApi,
  clientAddress,
  mailedActionLink,
  mailSubjects,
  problemOf,
  signUp,
  startAccountGateway,
  type Caller,
} from './account-test-support.ts';

/**
 * Google and GitHub sign-in through Firebase providers, on the Auth emulator's IdP flow: the API
 * sees an ordinary Firebase ID token, with the provider's address and verified flag.
 */
let origin: string;

beforeAll(async () => {
  origin = await startAccountGateway('account-idp-sign-in');
});

const me = async (caller: Caller) => {
  const response = await callApi(origin, 'GET', '/v1/me', caller);
  expect(response.status).toBe(200);
  return MeResponse.parse(await response.json());
};

describe('sign-in with Google', () => {
  it("gives an account with Google's verified address and name", async () => {
    const email = `grace-${crypto.randomUUID().slice(0, 8)}@gmail.test`;
    const google = await signInWithIdp('google.com', { email, email_verified: true, name: 'Grace Hopper' });
    const caller: Caller = { idToken: google.idToken, address: clientAddress() };
    expect(await me(caller)).toMatchObject({ uid: google.uid, email, emailVerified: true, displayName: 'Grace Hopper' });

    const verification = await callApi(origin, 'POST', '/v1/auth/verification', caller);
    expect(verification.status).toBe(409);
    expect(await problemOf(verification)).toMatchObject({ code: 'conflict' });
  });

  it('signs a returning Google user in to the same account', async () => {
    const email = `alan-${crypto.randomUUID().slice(0, 8)}@gmail.test`;
    const sub = crypto.randomUUID();
    const first = await signInWithIdp('google.com', { email, email_verified: true }, sub);
    const second = await signInWithIdp('google.com', { email, email_verified: true }, sub);
    expect(second.uid).toBe(first.uid);
  });
});

describe('sign-in with GitHub', () => {
  it('takes the address GitHub gives, unverified until the mailed link is applied', async () => {
    const email = `linus-${crypto.randomUUID().slice(0, 8)}@github.test`;
    const github = await signInWithIdp('github.com', { email, email_verified: false, name: 'Linus' });
    const caller: Caller = { idToken: github.idToken, address: clientAddress() };
    expect(await me(caller)).toMatchObject({ uid: github.uid, email, emailVerified: false });

    expect((await callApi(origin, 'POST', '/v1/auth/verification', caller)).status).toBe(202);
    const { mode, oobCode } = actionOf(await mailedActionLink(email, mailSubjects.verification));
    const applied = await callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, { mode, oobCode });
    expect(ApplyActionResponse.parse(await applied.json())).toMatchObject({ email, applied: true });
    expect((await me(caller)).emailVerified).toBe(true);
  });

  it('joins an existing password account when GitHub vouches for the same address', async () => {
    const person = await signUp({ name: 'margaret' });
    const github = await signInWithIdp('github.com', { email: person.email, email_verified: true });
    expect(github.uid).toBe(person.uid);
    expect(await me({ idToken: github.idToken, address: clientAddress() })).toMatchObject({ email: person.email, emailVerified: true });
  });
});
