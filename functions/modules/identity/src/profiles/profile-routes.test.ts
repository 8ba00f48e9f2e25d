import { MeResponse, ProblemDetails, PublicProfile, UserList, UsernameAvailability } from '@plaza/contracts';
import { createRouter, createService, ensureTopology, firebaseAuth, firestore, loadConfig, pubsub, serviceConfigSchema } from '@plaza/runtime';
import { signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { meRoutes } from './me-route.ts';
import { profilesRepository } from './profiles-repository.ts';
import { profileRoutes } from './index.ts';

/**
 * The profile routes on the real emulators (Firestore, Auth, Pub/Sub), in process: real users and
 * ID tokens from the Auth emulator, real transactions in Firestore. Names carry a random tag, so
 * runs and other test files sharing the emulator never meet.
 */
const app = createService({
  name: 'identity-profiles-test',
  config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'demo-plaza', LOG_LEVEL: 'silent' }),
  modules: [{ name: 'identity', routes: createRouter().route('/', meRoutes).route('/', profileRoutes) }],
});

const tag = `t${crypto.randomUUID().replaceAll('-', '').slice(0, 6)}`;
const bearer = (user: EmulatorUser) => ({ authorization: `Bearer ${user.idToken}` });

const get = (user: EmulatorUser, path: string) => app.request(path, { headers: bearer(user) });
const patchProfile = (user: EmulatorUser, body: unknown) =>
  app.request('/v1/me/profile', {
    method: 'PATCH',
    headers: { ...bearer(user), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ProblemDetails.parse(await response.json());
}

async function claimDocument(username: string): Promise<Record<string, unknown> | undefined> {
  return (await (await firestore()).collection('usernames').doc(username).get()).data();
}

beforeAll(async () => {
  // GET /v1/me registers, and registering publishes userRegistered: its topic must exist.
  await ensureTopology(await pubsub(), { pushBaseUrl: 'http://127.0.0.1:9', subscriptions: [] });
});

describe('GET /v1/me', () => {
  it('answers the profile, roles, permissions and the account facts from Auth', async () => {
    const ada = await signUpUser({ displayName: 'Ada' });
    const response = await get(ada, '/v1/me');
    expect(response.status).toBe(200);
    const me = MeResponse.parse(await response.json());
    expect(me).toMatchObject({ uid: ada.uid, email: ada.email, emailVerified: false, username: null, displayName: 'Ada', avatarUrl: null, bio: null, roles: ['member'] });
    expect(me.permissions).toContain('profile:update:self');
    const record = await (await firebaseAuth()).getUser(ada.uid);
    expect(me.createdAt).toBe(new Date(record.metadata.creationTime).toISOString());
    expect(me.lastSignInAt).toBe(new Date(record.metadata.lastSignInTime).toISOString());

    // Verified since the token was issued: Auth's record says so, the old token does not.
    await (await firebaseAuth()).updateUser(ada.uid, { emailVerified: true });
    expect(MeResponse.parse(await (await get(ada, '/v1/me')).json()).emailVerified).toBe(true);
  });
});

describe('PATCH /v1/me/profile', () => {
  it('claims a normalized username and updates the other fields; the public profile shows no email', async () => {
    const ada = await signUpUser({ displayName: 'Ada' });
    const response = await patchProfile(ada, {
      username: `  ${tag.toUpperCase()}.Ada `,
      displayName: ' Ada Lovelace ',
      avatarUrl: 'https://cdn.example.com/ada.png',
      bio: 'Poet of science',
    });
    expect(response.status).toBe(200);
    const me = MeResponse.parse(await response.json());
    expect(me).toMatchObject({ username: `${tag}.ada`, displayName: 'Ada Lovelace', avatarUrl: 'https://cdn.example.com/ada.png', bio: 'Poet of science' });
    expect(await claimDocument(`${tag}.ada`)).toMatchObject({ uid: ada.uid });

    const other = await signUpUser();
    const lookup = await get(other, `/v1/users/${tag.toUpperCase()}.ADA`);
    expect(lookup.status).toBe(200);
    const text = await lookup.text();
    expect(text).not.toContain(ada.email);
    expect(PublicProfile.strict().parse(JSON.parse(text))).toMatchObject({ uid: ada.uid, username: `${tag}.ada`, bio: 'Poet of science' });

    // Partial: absent fields stay, null removes.
    const partial = MeResponse.parse(await (await patchProfile(ada, { bio: null })).json());
    expect(partial).toMatchObject({ username: `${tag}.ada`, displayName: 'Ada Lovelace', bio: null });
  });

  it('registers a member whose first request is the update', async () => {
    const newcomer = await signUpUser();
    const response = await patchProfile(newcomer, { username: `${tag}.newcomer` });
    expect(response.status).toBe(200);
    expect(await profilesRepository.find(newcomer.uid)).toMatchObject({ username: `${tag}.newcomer` });
  });

  it('releases the previous username on a change, for anyone to claim', async () => {
    const [first, second] = await Promise.all([signUpUser(), signUpUser()]);
    expect((await patchProfile(first, { username: `${tag}.old` })).status).toBe(200);
    expect((await patchProfile(first, { username: `${tag}.new` })).status).toBe(200);
    expect(await claimDocument(`${tag}.old`)).toBeUndefined();
    expect(await claimDocument(`${tag}.new`)).toMatchObject({ uid: first.uid });
    expect((await get(second, `/v1/users/${tag}.old`)).status).toBe(404);

    const claimed = await patchProfile(second, { username: `${tag}.old` });
    expect(claimed.status).toBe(200);
    expect(await claimDocument(`${tag}.old`)).toMatchObject({ uid: second.uid });
    // Claiming one's own name again changes nothing.
    expect((await patchProfile(first, { username: `${tag}.new` })).status).toBe(200);
    expect(await claimDocument(`${tag}.new`)).toMatchObject({ uid: first.uid });
  });

  it('refuses a name someone else holds with 409 username_taken', async () => {
    const [holder, latecomer] = await Promise.all([signUpUser(), signUpUser()]);
    expect((await patchProfile(holder, { username: `${tag}.held` })).status).toBe(200);
    const response = await patchProfile(latecomer, { username: `${tag}.HELD`, bio: 'not applied' });
    expect(response.status).toBe(409);
    expect(await problemOf(response)).toMatchObject({ code: 'username_taken', errors: [{ path: 'body.username' }] });
    // Nothing of the refused update was applied.
    expect(await profilesRepository.find(latecomer.uid)).toMatchObject({ username: null, bio: null });
  });

  it('lets exactly one of two concurrent claims win', async () => {
    for (const round of [1, 2, 3]) {
      const [one, two] = await Promise.all([signUpUser(), signUpUser()]);
      // Both registered first, so the two PATCHes race on the claim itself.
      await Promise.all([get(one, '/v1/me'), get(two, '/v1/me')]);
      const name = `${tag}.race${round}`;
      const responses = await Promise.all([patchProfile(one, { username: name }), patchProfile(two, { username: name })]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const loser = responses.find((response) => response.status === 409)!;
      expect((await problemOf(loser)).code).toBe('username_taken');
      const winner = responses[0]!.status === 200 ? one : two;
      const other = winner === one ? two : one;
      expect(await claimDocument(name)).toMatchObject({ uid: winner.uid });
      expect((await profilesRepository.find(winner.uid))?.username).toBe(name);
      expect((await profilesRepository.find(other.uid))?.username).toBeNull();
    }
  });

  it.each(['admin', ' Root ', 'SUPPORT', 'api', 'plaza', 'help', 'settings'])('refuses the reserved name %j with 400 naming body.username', async (username) => {
    const member = await signUpUser();
    const response = await patchProfile(member, { username });
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.username' }] });
  });

  it.each([
    { body: { username: 'ab' }, field: 'body.username' },
    { body: { username: 'ada lovelace' }, field: 'body.username' },
    { body: { username: 'ada!' }, field: 'body.username' },
    { body: { username: 'x'.repeat(21) }, field: 'body.username' },
    { body: { username: null }, field: 'body.username' },
    { body: { displayName: 'x'.repeat(81) }, field: 'body.displayName' },
    { body: { displayName: '   ' }, field: 'body.displayName' },
    { body: { bio: 'x'.repeat(281) }, field: 'body.bio' },
    { body: { avatarUrl: 'http://example.com/a.png' }, field: 'body.avatarUrl' },
    { body: { avatarUrl: 'javascript:alert(1)' }, field: 'body.avatarUrl' },
    { body: { avatarUrl: `https://example.com/${'a'.repeat(2048)}` }, field: 'body.avatarUrl' },
    { body: { email: 'new@example.com' }, field: undefined },
  ])('refuses $body with 400 naming $field', async ({ body, field }) => {
    const member = await signUpUser();
    const response = await patchProfile(member, body);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('validation_failed');
    if (field) expect(problem.errors?.map((error) => error.path)).toContain(field);
  });
});

describe('GET /v1/usernames/{username}/availability', () => {
  it('answers available, taken, reserved, invalid, and available for the holder', async () => {
    const [holder, asker] = await Promise.all([signUpUser(), signUpUser()]);
    expect((await patchProfile(holder, { username: `${tag}.mine` })).status).toBe(200);
    const availability = async (user: EmulatorUser, username: string) => {
      const response = await get(user, `/v1/usernames/${encodeURIComponent(username)}/availability`);
      expect(response.status).toBe(200);
      return UsernameAvailability.parse(await response.json());
    };
    expect(await availability(asker, `${tag}.Free`)).toEqual({ username: `${tag}.free`, available: true, reason: null, message: null });
    expect(await availability(asker, `${tag}.mine`)).toMatchObject({ available: false, reason: 'taken' });
    expect(await availability(holder, `${tag}.mine`)).toMatchObject({ available: true, reason: null });
    expect(await availability(asker, 'Admin')).toMatchObject({ username: 'admin', available: false, reason: 'reserved' });
    expect(await availability(asker, 'no way!')).toMatchObject({ available: false, reason: 'invalid' });
  });
});

describe('GET /v1/users/{username}', () => {
  it('is a 404 problem for an unknown or malformed name, and for a member without one', async () => {
    const member = await signUpUser();
    for (const username of [`${tag}.nobody`, 'NOT VALID', 'x']) {
      const response = await get(member, `/v1/users/${encodeURIComponent(username)}`);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).code).toBe('not_found');
    }
  });
});

describe('GET /v1/users?q=', () => {
  const people = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov', 'Ángela Ruiz', 'Katherine Johnson'];
  const members: { user: EmulatorUser; username: string }[] = [];

  beforeAll(async () => {
    // A tag of its own: `q` matches these members and nobody else in the shared emulator.
    const searchTag = `s${crypto.randomUUID().replaceAll('-', '').slice(0, 6)}`;
    for (const [index, displayName] of people.entries()) {
      const user = await signUpUser();
      const username = `${searchTag}-${String.fromCharCode(103 - index)}${index}`; // created out of username order
      const response = await patchProfile(user, { username, displayName });
      expect(response.status).toBe(200);
      members.push({ user, username });
    }
  });

  const search = async (user: EmulatorUser, query: Record<string, string>) => {
    const response = await get(user, `/v1/users?${new URLSearchParams(query)}`);
    expect(response.status).toBe(200);
    return UserList.parse(await response.json());
  };

  it('pages through every match by username, with no duplicates and no empty last page', async () => {
    const asker = members[0]!.user;
    const prefix = members[0]!.username.slice(0, 8); // the search tag and its dash
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: UserList = await search(asker, { q: prefix.toUpperCase(), limit: '3', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.username));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(members.map((member) => member.username).sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds members by a prefix of the display name or of one of its words, case and accents aside', async () => {
    const asker = members[0]!.user;
    const tagged = (list: UserList) => list.items.filter((item) => members.some((member) => member.username === item.username)).map((item) => item.displayName);
    expect(tagged(await search(asker, { q: 'grace hop', limit: '50' }))).toEqual(['Grace Hopper']);
    expect(tagged(await search(asker, { q: 'TURI', limit: '50' }))).toEqual(['Alan Turing']);
    expect(tagged(await search(asker, { q: 'angela', limit: '50' }))).toEqual(['Ángela Ruiz']);
    const page = await search(asker, { q: 'lovelace', limit: '50' });
    const ada = page.items.find((item) => item.username === members[0]!.username);
    expect(ada).toBeDefined();
    expect(JSON.stringify(page)).not.toContain(members[0]!.user.email);
  });

  it('refuses a cursor from another q, or one it never issued', async () => {
    const asker = members[0]!.user;
    const first = await search(asker, { q: members[0]!.username.slice(0, 8), limit: '1' });
    expect(first.nextCursor).not.toBeNull();
    for (const query of [{ q: 'other', cursor: first.nextCursor! }, { q: '', cursor: 'bogus' }]) {
      const response = await get(asker, `/v1/users?${new URLSearchParams(query)}`);
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'query.cursor' }] });
    }
  });

  it('leaves out members without a username, and deactivated ones', async () => {
    const namelessTag = `n${crypto.randomUUID().replaceAll('-', '').slice(0, 6)}`;
    const nameless = await signUpUser({ displayName: `${namelessTag} Nameless` });
    expect((await get(nameless, '/v1/me')).status).toBe(200);
    const hidden = members.at(-1)!;
    const db = await firestore();
    await db.runTransaction(async (tx) => {
      const profile = await profilesRepository.findIn(tx, hidden.user.uid);
      await profilesRepository.setDisabledIn(tx, profile!, true);
    });
    const asker = members[0]!.user;
    expect((await search(asker, { q: namelessTag, limit: '50' })).items).toEqual([]);
    const all = await search(asker, { q: members[0]!.username.slice(0, 8), limit: '50' });
    expect(all.items.map((item) => item.username)).not.toContain(hidden.username);
    expect(all.items).toHaveLength(people.length - 1);
    expect((await get(asker, `/v1/users/${hidden.username}`)).status).toBe(404);

    await db.runTransaction(async (tx) => {
      const profile = await profilesRepository.findIn(tx, hidden.user.uid);
      await profilesRepository.setDisabledIn(tx, profile!, false);
    });
    expect((await search(asker, { q: members[0]!.username.slice(0, 8), limit: '50' })).items).toHaveLength(people.length);
  });
});
