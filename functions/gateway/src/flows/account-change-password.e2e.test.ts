import { firebaseAuth } from '@plaza/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  afterTheSecondOf,
  callApi,
  clientAddress,
  firstPassword,
  problemOf,
  signIn,
  signUp,
  startAccountGateway,
  type Caller,
} from './account-test-support.ts';
import { signInWithIdp } from './account-idp-support.ts';

/** Changing a password: the current one is checked, the policy holds, and every session ends. */
let origin: string;

beforeAll(async () => {
  origin = await startAccountGateway('account-change-password');
});

const changePassword = (caller: Caller, body: object) => callApi(origin, 'POST', '/v1/me/password', caller, body);

describe('changing the password', () => {
  it('sets the new password and signs the account out everywhere', async () => {
    const person = await signUp();
    const caller: Caller = { idToken: person.idToken, address: clientAddress() };
    const newPassword = 'my second passphrase 2';
    await afterTheSecondOf(person.idToken);

    const response = await changePassword(caller, { currentPassword: firstPassword, newPassword });
    expect(response.status).toBe(204);

    expect(await signIn(person.email, newPassword)).toHaveProperty('idToken');
    expect(await signIn(person.email, firstPassword)).toEqual({ error: expect.stringMatching(/INVALID_PASSWORD|INVALID_LOGIN_CREDENTIALS/) });
    // Tokens issued before the change no longer pass a revocation check.
    const auth = await firebaseAuth();
    await expect(auth.verifyIdToken(person.idToken, true)).rejects.toMatchObject({ code: 'auth/id-token-revoked' });
  });

  it('refuses a wrong current password, naming the field, and changes nothing', async () => {
    const person = await signUp();
    const response = await changePassword(
      { idToken: person.idToken, address: clientAddress() },
      { currentPassword: 'not my password 1', newPassword: 'my second passphrase 2' },
    );
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.currentPassword', message: 'is not your current password' }],
    });
    expect(await signIn(person.email, firstPassword)).toHaveProperty('idToken');
  });

  it('holds the new password to the policy, and to being new', async () => {
    const person = await signUp();
    const caller: Caller = { idToken: person.idToken, address: clientAddress() };
    const weak = await changePassword(caller, { currentPassword: firstPassword, newPassword: 'onlyletters' });
    expect(weak.status).toBe(400);
    expect(await problemOf(weak)).toMatchObject({
      code: 'validation_failed',
      detail: 'The password must contain a digit, a space or a symbol.',
      errors: [{ path: 'body.newPassword', message: 'must contain a digit, a space or a symbol' }],
    });
    const same = await changePassword(caller, { currentPassword: firstPassword, newPassword: firstPassword });
    expect((await problemOf(same)).errors).toEqual([{ path: 'body.newPassword', message: 'must differ from the current password' }]);
    const missing = await changePassword(caller, { newPassword: 'my second passphrase 2' });
    expect((await problemOf(missing)).errors).toEqual([expect.objectContaining({ path: 'body.currentPassword' })]);
    expect(await signIn(person.email, firstPassword)).toHaveProperty('idToken');
  });

  it('takes 5 tries a minute per user', async () => {
    const person = await signUp();
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await changePassword(
        { idToken: person.idToken, address: clientAddress() },
        { currentPassword: `guess number ${attempt}`, newPassword: 'my second passphrase 2' },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('is a conflict for an account that signs in with Google only', async () => {
    const google = await signInWithIdp('google.com', { email: `g-${crypto.randomUUID().slice(0, 8)}@gmail.test`, email_verified: true });
    const response = await changePassword(
      { idToken: google.idToken, address: clientAddress() },
      { currentPassword: 'whatever it is 1', newPassword: 'my second passphrase 2' },
    );
    expect(response.status).toBe(409);
    expect((await problemOf(response)).code).toBe('conflict');
  });

  it('needs a signed-in caller', async () => {
    const response = await changePassword({ address: clientAddress() }, { currentPassword: firstPassword, newPassword: 'my second passphrase 2' });
    expect(response.status).toBe(401);
  });
});
