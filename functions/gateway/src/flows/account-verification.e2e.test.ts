import { ApplyActionResponse, MeResponse } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionOf,
  callApi,
  clientAddress,
  mailedActionLink,
  mailSubjects,
  outboxEvents,
  problemOf,
  signUp,
  startAccountGateway,
  type Caller,
} from './account-test-support.ts';

/**
 * Sign-up and verification on the emulators: a person signs up through the Auth emulator's REST
 * API like the web SDK, asks the API for a verification mail, which arrives in the SMTP stand-in,
 * and the code of its link, posted back as the dashboard's page will, verifies the address.
 */
let origin: string;

beforeAll(async () => {
  origin = await startAccountGateway('account-verification');
});

describe('email verification', () => {
  it('sends a link whose code verifies the address, once', async () => {
    const person = await signUp({ name: 'ada' });
    const caller: Caller = { idToken: person.idToken, address: clientAddress() };

    const me = async () => MeResponse.parse(await (await callApi(origin, 'GET', '/v1/me', caller)).json());
    expect((await me()).emailVerified).toBe(false);

    expect((await callApi(origin, 'POST', '/v1/auth/verification', caller)).status).toBe(202);
    const link = await mailedActionLink(person.email, mailSubjects.verification);
    expect(link.startsWith('http://127.0.0.1:5000/auth/action?')).toBe(true);
    const action = actionOf(link);
    expect(action.mode).toBe('verifyEmail');

    const applied = await callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, action);
    expect(applied.status).toBe(200);
    expect(ApplyActionResponse.parse(await applied.json())).toEqual({ mode: 'verifyEmail', email: person.email, applied: true });
    expect((await me()).emailVerified).toBe(true);

    // A used code is spent; asking again for a verified address is a conflict.
    const again = await callApi(origin, 'POST', '/v1/auth/actions', { address: clientAddress() }, action);
    expect(again.status).toBe(400);
    expect(await problemOf(again)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.oobCode' }] });
    const verifiedAlready = await callApi(origin, 'POST', '/v1/auth/verification', caller);
    expect(verifiedAlready.status).toBe(409);
    expect(await problemOf(verifiedAlready)).toMatchObject({ code: 'conflict', detail: 'This email address is already verified.' });
  });

  it('refuses codes that are unknown, or posted as another kind of action, without using them', async () => {
    const person = await signUp();
    const caller: Caller = { idToken: person.idToken, address: clientAddress() };
    const anonymous: Caller = { address: clientAddress() };

    const unknown = await callApi(origin, 'POST', '/v1/auth/actions', anonymous, { mode: 'verifyEmail', oobCode: 'not-a-code' });
    expect(unknown.status).toBe(400);
    expect(await problemOf(unknown)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.oobCode' }] });

    expect((await callApi(origin, 'POST', '/v1/auth/verification', caller)).status).toBe(202);
    const { oobCode } = actionOf(await mailedActionLink(person.email, mailSubjects.verification));
    const asReset = await callApi(origin, 'POST', '/v1/auth/actions', anonymous, { mode: 'resetPassword', oobCode, newPassword: 'another-Passw0rd' });
    expect(asReset.status).toBe(400);
    const asEmailChange = await callApi(origin, 'POST', '/v1/auth/actions', anonymous, { mode: 'verifyAndChangeEmail', oobCode });
    expect(asEmailChange.status).toBe(400);
    // Still good for what it is.
    expect((await callApi(origin, 'POST', '/v1/auth/actions', anonymous, { mode: 'verifyEmail', oobCode })).status).toBe(200);

    const badBody = await callApi(origin, 'POST', '/v1/auth/actions', anonymous, { mode: 'signIn', oobCode });
    expect(badBody.status).toBe(400);
    expect((await problemOf(badBody)).code).toBe('validation_failed');
  });

  it('needs a signed-in caller', async () => {
    const response = await callApi(origin, 'POST', '/v1/auth/verification', { address: clientAddress() });
    expect(response.status).toBe(401);
  });
});

describe('verification rate limits', () => {
  it('sends at most 2 a minute to one address, whichever client asks', async () => {
    const person = await signUp();
    const ask = () => callApi(origin, 'POST', '/v1/auth/verification', { idToken: person.idToken, address: clientAddress() });
    expect((await ask()).status).toBe(202);
    expect((await ask()).status).toBe(202);
    const third = await ask();
    expect(third.status).toBe(429);
    expect(await problemOf(third)).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await outboxEvents('plaza.identity.emailverification.requested.v1', 'email', person.email)).toHaveLength(2);
  });

  it('holds the per-address limit for requests at the same moment: the transaction decides', async () => {
    const person = await signUp();
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() => callApi(origin, 'POST', '/v1/auth/verification', { idToken: person.idToken, address: clientAddress() })),
    );
    expect(responses.map(({ status }) => status).sort()).toEqual([202, 202, 429, 429]);
    expect(await outboxEvents('plaza.identity.emailverification.requested.v1', 'email', person.email)).toHaveLength(2);
  });

  it('takes at most 2 a minute from one client address, whichever accounts it asks for', async () => {
    const address = clientAddress();
    const people = await Promise.all([signUp(), signUp(), signUp()]);
    const statuses = [];
    for (const person of people) {
      statuses.push((await callApi(origin, 'POST', '/v1/auth/verification', { idToken: person.idToken, address })).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(await outboxEvents('plaza.identity.emailverification.requested.v1', 'email', people[2]!.email)).toEqual([]);
  });
});
