import { ApplyActionResponse } from '@plaza/contracts';
import { firebaseAuth } from '@plaza/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionOf,
  afterTheSecondOf,
  callApi,
  clientAddress,
  firstPassword,
  mailedActionLink,
  mailSubjects,
  outboxEvents,
  problemOf,
  signIn,
  signUp,
  startAccountGateway,
} from './account-test-support.ts';

/**
 * Password reset on the emulators: the request never tells whether an account exists, the mailed
 * link's code is checked, refused with a weak password, and then sets the new one.
 */
let origin: string;

beforeAll(async () => {
  origin = await startAccountGateway('account-password-reset');
});

const resetRequested = 'plaza.identity.passwordreset.requested.v1';
const requestReset = (email: string, address = clientAddress()) =>
  callApi(origin, 'POST', '/v1/auth/password-reset', { address }, { email });
const applyAction = (body: object) => callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, body);

describe('password reset', () => {
  it('mails a link that sets a new password: the new one signs in, the old one no longer does', async () => {
    const person = await signUp({ name: 'grace' });
    const response = await requestReset(person.email.toUpperCase());
    expect(response.status).toBe(202);

    const link = await mailedActionLink(person.email, mailSubjects.passwordReset);
    const { mode, oobCode } = actionOf(link);
    expect(mode).toBe('resetPassword');

    // The page may first check the code: whose password it resets, and the code stays usable.
    const checked = await applyAction({ mode, oobCode });
    expect(checked.status).toBe(200);
    expect(ApplyActionResponse.parse(await checked.json())).toEqual({ mode, email: person.email, applied: false });

    const localPart = person.email.split('@')[0]!;
    const weak = await applyAction({ mode, oobCode, newPassword: `${localPart}!` });
    expect(weak.status).toBe(400);
    const problem = await problemOf(weak);
    expect(problem).toMatchObject({ code: 'validation_failed' });
    expect(problem.errors).toEqual([{ path: 'body.newPassword', message: `must not contain your email's name ("${localPart}")` }]);
    const short = await applyAction({ mode, oobCode, newPassword: 'abc12' });
    expect((await problemOf(short)).errors).toEqual([{ path: 'body.newPassword', message: 'must be at least 10 characters long' }]);

    const newPassword = 'a brand new passphrase 42';
    await afterTheSecondOf(person.idToken);
    const reset = await applyAction({ mode, oobCode, newPassword });
    expect(reset.status).toBe(200);
    expect(ApplyActionResponse.parse(await reset.json())).toEqual({ mode, email: person.email, applied: true });

    expect(await signIn(person.email, newPassword)).toHaveProperty('idToken');
    expect(await signIn(person.email, firstPassword)).toEqual({ error: expect.stringMatching(/INVALID_PASSWORD|INVALID_LOGIN_CREDENTIALS/) });
    // Whoever was signed in before the reset is signed out.
    await expect((await firebaseAuth()).verifyIdToken(person.idToken, true)).rejects.toMatchObject({ code: 'auth/id-token-revoked' });

    // The code is spent.
    const reused = await applyAction({ mode, oobCode, newPassword: 'yet another passphrase 7' });
    expect(reused.status).toBe(400);
    expect(await problemOf(reused)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.oobCode' }] });
    expect(await signIn(person.email, newPassword)).toHaveProperty('idToken');
  });

  it('answers an address without an account exactly as one with, and mails nothing', async () => {
    const person = await signUp();
    const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@plaza.test`;
    const [known, unknown] = await Promise.all([requestReset(person.email), requestReset(nobody)]);
    expect(unknown.status).toBe(known.status);
    expect(unknown.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    expect(await outboxEvents(resetRequested, 'email', person.email)).toHaveLength(1);
    // The event would have committed before the 202.
    expect(await outboxEvents(resetRequested, 'email', nobody)).toEqual([]);
  });

  it('limits every address to 2 a minute, with or without an account, so the limit tells nothing either', async () => {
    const person = await signUp();
    const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@plaza.test`;
    for (const email of [person.email, nobody]) {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await requestReset(email)).status);
      expect(statuses, email).toEqual([202, 202, 429]);
    }
    const limited = await requestReset(nobody);
    expect(await problemOf(limited)).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await outboxEvents(resetRequested, 'email', person.email)).toHaveLength(2);
  });

  it('limits one client address to 2 requests a minute, whatever addresses it asks for', async () => {
    const address = clientAddress();
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await requestReset(`flood-${attempt}-${crypto.randomUUID().slice(0, 8)}@plaza.test`, address)).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
  });

  it('refuses what is not an email address, naming the field', async () => {
    const response = await callApi(origin, 'POST', '/v1/auth/password-reset', { address: clientAddress() }, { email: 'not an address' });
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.email' }] });
  });
});
