import { NotificationItem, ProblemDetails, UnreadCount } from '@plaza/contracts';
import { signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { describe, expect, it } from 'vitest';
import { inboxRepository } from './inbox-repository.ts';
import { bearer, notificationsService, putItems, testItem } from './testing/notifications-service.ts';

/** The inbox routes on the real emulators (Auth for the ID tokens, Firestore for the inbox), in process. */
const app = notificationsService();

const call = (user: EmulatorUser | undefined, method: string, path: string, body?: unknown) =>
  app.request(`/v1/notifications${path}`, {
    method,
    headers: { ...bearer(user), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const unreadOf = async (user: EmulatorUser) => UnreadCount.parse(await (await call(user, 'GET', '/unread-count')).json()).unread;

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ProblemDetails.parse(await response.json());
}

describe('the unread count', () => {
  it('is 0 for an inbox never written, and follows every change in the same transaction', async () => {
    const user = await signUpUser();
    expect(await unreadOf(user)).toBe(0);
    const [first, second] = await putItems(user.uid, [testItem(), testItem()]);
    expect(await unreadOf(user)).toBe(2);

    const read = await call(user, 'PATCH', `/${first}`, { read: true });
    expect(read.status).toBe(200);
    const item = NotificationItem.parse(await read.json());
    expect(item).toMatchObject({ id: first, readAt: expect.any(String) });
    expect(Date.now() - Date.parse(item.readAt!)).toBeLessThan(60_000);
    expect(await unreadOf(user)).toBe(1);

    // Read again: the first readAt stays and nothing is counted twice.
    expect(NotificationItem.parse(await (await call(user, 'PATCH', `/${first}`, { read: true })).json()).readAt).toBe(item.readAt);
    expect(await unreadOf(user)).toBe(1);

    expect(NotificationItem.parse(await (await call(user, 'PATCH', `/${first}`, { read: false })).json()).readAt).toBeNull();
    expect(await unreadOf(user)).toBe(2);

    await call(user, 'PATCH', `/${second}`, { read: true });
    expect((await call(user, 'DELETE', `/${second}`)).status).toBe(204);
    expect(await unreadOf(user)).toBe(1);
    expect((await call(user, 'DELETE', `/${first}`)).status).toBe(204);
    expect(await unreadOf(user)).toBe(0);
  });

  it('does not count an item written twice under the same id', async () => {
    const user = await signUpUser();
    const item = testItem();
    await putItems(user.uid, [item, item]);
    expect(await unreadOf(user)).toBe(1);
  });
});

describe('PATCH and DELETE /v1/notifications/{id}', () => {
  it('404s a change to an item that is not there, and deletes idempotently', async () => {
    const user = await signUpUser();
    const missing = await call(user, 'PATCH', '/no-such-item', { read: true });
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).code).toBe('not_found');

    const [id] = await putItems(user.uid, [testItem()]);
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await call(user, 'DELETE', `/${id}`)).status).toBe(204);
    expect((await call(user, 'DELETE', '/never-there')).status).toBe(204);
    expect((await call(user, 'PATCH', `/${id}`, { read: true })).status).toBe(404);
    expect(await unreadOf(user)).toBe(0);
  });

  it("cannot reach another user's item", async () => {
    const [owner, other] = await Promise.all([signUpUser(), signUpUser()]);
    const [id] = await putItems(owner.uid, [testItem()]);
    expect((await call(other, 'PATCH', `/${id}`, { read: true })).status).toBe(404);
    expect((await call(other, 'DELETE', `/${id}`)).status).toBe(204);
    expect(await unreadOf(owner)).toBe(1);
  });

  it.each([
    ['a bad id', '/not%2Fan-id', { read: true }, 'path.id'],
    ['a wrong type', '/some-id', { read: 'yes' }, 'body.read'],
    ['a missing field', '/some-id', {}, 'body.read'],
    ['an unknown field', '/some-id', { read: true, pinned: true }, 'body'],
  ])('refuses %s with 400 naming the field', async (_name, path, body, field) => {
    const response = await call(await signUpUser(), 'PATCH', path, body);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => error.path)).toContain(field);
  });

  it('refuses a bad id on DELETE too', async () => {
    const response = await call(await signUpUser(), 'DELETE', `/${'x'.repeat(129)}`);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((error) => error.path)).toEqual(['path.id']);
  });
});

describe('POST /v1/notifications/read-all', () => {
  it('marks more than one page read, keeps earlier readAt, and leaves the count at 0', async () => {
    const user = await signUpUser();
    const unread = Array.from({ length: 430 }, (_, i) => testItem(new Date(Date.UTC(2026, 0, 1) + i)));
    const earlier = { ...testItem(), item: { ...testItem().item, readAt: '2026-01-01T00:00:00.000Z' } };
    await Promise.all([putItems(user.uid, unread.slice(0, 215)), putItems(user.uid, unread.slice(215)), putItems(user.uid, [earlier])]);
    expect(await unreadOf(user)).toBe(430);

    const response = await call(user, 'POST', '/read-all');
    expect(response.status).toBe(200);
    expect(UnreadCount.parse(await response.json())).toEqual({ unread: 0 });
    expect(await unreadOf(user)).toBe(0);
    const page = await inboxRepository.list(user.uid, { limit: 50, after: undefined });
    expect(page.items.every((item) => item.readAt !== null)).toBe(true);
    const kept = (await inboxRepository.list(user.uid, { limit: 500, after: undefined })).items.find((item) => item.id === earlier.id);
    expect(kept?.readAt).toBe('2026-01-01T00:00:00.000Z');
    expect(UnreadCount.parse(await (await call(user, 'POST', '/read-all')).json())).toEqual({ unread: 0 });
  });

  it('in pages of a given size, each page with its count', async () => {
    const user = await signUpUser();
    await putItems(user.uid, Array.from({ length: 5 }, () => testItem()));
    expect(await inboxRepository.markAllRead(user.uid, new Date(), { pageSize: 2 })).toBe(0);
    expect(await unreadOf(user)).toBe(0);
    await expect(inboxRepository.markAllRead(user.uid, new Date(), { pageSize: 1, maxPages: 0 })).rejects.toThrow(/after 0 pages/);
  });
});

describe('who may call', () => {
  it.each([
    ['GET', '/unread-count'],
    ['GET', '/stream'],
    ['POST', '/read-all'],
    ['PATCH', '/some-id'],
    ['DELETE', '/some-id'],
  ])('%s %s needs a signed-in user', async (method, path) => {
    const response = await call(undefined, method, path, method === 'PATCH' ? { read: true } : undefined);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe('unauthenticated');
  });
});
