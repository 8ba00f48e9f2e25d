import { ApplyActionResponse, MeResponse } from '@plaza/contracts';
import { firestore } from '@plaza/runtime';
import { claimsOf, unsignedToken } from '@plaza/runtime/testing';
import { waitForMail } from '@plaza/emulators/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionOf,
  callApi,
  clientAddress,
  firstPassword,
  identityToolkitCall,
  mailedActionLink,
  mailSubjects,
  outboxEvents,
  problemOf,
  signIn,
  signUp,
  startAccountGateway,
  type Caller,
} from './account-test-support.ts';

/**
 * Changing the email address: nothing changes until the link mailed to the new address is
 * applied; then the account, the profile and sign-in follow, and the old address is told.
 */
let origin: string;

beforeAll(async () => {
  origin = await startAccountGateway('account-change-email');
});

const changeEmail = (caller: Caller, newEmail: string) => callApi(origin, 'POST', '/v1/me/email', caller, { newEmail });
const freshAddress = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@plaza.test`;

describe('changing the email address', () => {
  it('moves the account once the new address confirms, and tells the old one', async () => {
    const person = await signUp({ name: 'ada' });
    const caller: Caller = { idToken: person.idToken, address: clientAddress() };
    // The profile exists from the first visit on, with its copy of the address.
    expect((await callApi(origin, 'GET', '/v1/me', caller)).status).toBe(200);
    const newEmail = freshAddress('countess');

    expect((await changeEmail(caller, newEmail.toUpperCase())).status).toBe(202);
    const link = await mailedActionLink(newEmail, mailSubjects.emailChangeConfirm);
    const { mode, oobCode } = actionOf(link);
    expect(mode).toBe('verifyAndChangeEmail');

    // Nothing has changed yet.
    expect(await signIn(person.email, firstPassword)).toHaveProperty('idToken');
    expect(await signIn(newEmail, firstPassword)).toHaveProperty('error');

    const applied = await callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, { mode, oobCode });
    expect(applied.status).toBe(200);
    expect(ApplyActionResponse.parse(await applied.json())).toEqual({ mode, email: newEmail, applied: true });

    expect(await outboxEvents('plaza.identity.email.changed.v1', 'newEmail', newEmail)).toEqual([
      { uid: person.uid, previousEmail: person.email, newEmail, displayName: null },
    ]);
    const notice = await waitForMail({ to: person.email, subject: mailSubjects.emailChangedNotice, timeoutMs: 15_000 });
    expect(notice.text).toContain(newEmail);
    const signedIn = await signIn(newEmail, firstPassword);
    if (!('idToken' in signedIn)) throw new Error(`The new address does not sign in: ${signedIn.error}`);
    expect(await signIn(person.email, firstPassword)).toHaveProperty('error');

    const me = MeResponse.parse(await (await callApi(origin, 'GET', '/v1/me', { idToken: signedIn.idToken, address: clientAddress() })).json());
    expect(me).toMatchObject({ uid: person.uid, email: newEmail, emailVerified: true });
    const profile = await (await firestore()).collection('users').doc(person.uid).get();
    expect(profile.get('email')).toBe(newEmail);

    const reused = await callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, { mode, oobCode });
    expect(reused.status).toBe(400);
  });

  it('needs a sign-in from the last five minutes', async () => {
    const person = await signUp();
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    // An account whose sessions are valid from eleven minutes ago (set with the emulator's admin
    // API), so a sign-in ten minutes ago is not a revoked one…
    const backdated = await fetch(`http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:update`, {
      method: 'POST',
      headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
      body: JSON.stringify({ localId: person.uid, validSince: String(tenMinutesAgo - 60) }),
    });
    expect(backdated.status).toBe(200);
    // …and its token as refreshed since: the emulator's tokens are unsigned, so only auth_time changes.
    const stale = unsignedToken({ ...claimsOf(person.idToken), auth_time: tenMinutesAgo });
    const response = await changeEmail({ idToken: stale, address: clientAddress() }, freshAddress('later'));
    expect(response.status).toBe(401);
    expect(await problemOf(response)).toMatchObject({ code: 'reauthentication_required' });
  });

  it('refuses an address another account has, or the one it already has', async () => {
    const [person, other] = await Promise.all([signUp(), signUp()]);
    const caller: Caller = { idToken: person.idToken, address: clientAddress() };
    const taken = await changeEmail(caller, other.email);
    expect(taken.status).toBe(409);
    expect(await problemOf(taken)).toMatchObject({ code: 'conflict' });
    const same = await changeEmail({ ...caller, address: clientAddress() }, person.email);
    expect(same.status).toBe(400);
    expect(await problemOf(same)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.newEmail' }] });
    expect(await outboxEvents('plaza.identity.emailchange.requested.v1', 'currentEmail', person.email)).toEqual([]);
  });

  it('is a conflict when the new address is taken before the link is applied', async () => {
    const person = await signUp();
    const newEmail = freshAddress('contested');
    expect((await changeEmail({ idToken: person.idToken, address: clientAddress() }, newEmail)).status).toBe(202);
    const { mode, oobCode } = actionOf(await mailedActionLink(newEmail, mailSubjects.emailChangeConfirm));
    // Someone signs up with it meanwhile.
    const squatter = await identityToolkitCall('accounts:signUp', { email: newEmail, password: firstPassword, returnSecureToken: true });
    expect(squatter.ok).toBe(true);
    const applied = await callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, { mode, oobCode });
    expect(applied.status).toBe(409);
    expect(await problemOf(applied)).toMatchObject({ code: 'conflict' });
    expect(await signIn(person.email, firstPassword)).toHaveProperty('idToken');
  });

  it('mails the new address at most twice a minute', async () => {
    const newEmail = freshAddress('popular');
    const statuses = [];
    for (const person of await Promise.all([signUp(), signUp(), signUp()])) {
      statuses.push((await changeEmail({ idToken: person.idToken, address: clientAddress() }, newEmail)).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
  });
});

