import { notificationStreamEvents, ProblemDetails, userRegistered } from '@plaza/contracts';
import { createCloudEvent, firebaseAuth } from '@plaza/runtime';
import { consumerPushes, signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { inboxRepository } from './inbox-repository.ts';
import { onUserRegistered } from './on-user-registered.ts';
import { eventStreamReader, type ServerSentEvent } from './testing/event-stream-reader.ts';
import { bearer, notificationsService, putItems, testItem } from './testing/notifications-service.ts';

/**
 * The stream on the real emulators, in process: Firestore's listeners see what the consumer and
 * the routes write. The service's REQUEST_TIMEOUT_MS is far shorter than the streams, which
 * outlive it: the timeout bounds the time to the response's start, not its body.
 */
const app = notificationsService({ maxMs: 4_000, keepaliveMs: 300 }, { REQUEST_TIMEOUT_MS: '200' });
const push = consumerPushes(onUserRegistered);

const open = (user: EmulatorUser | undefined, headers: Record<string, string> = {}) =>
  app.request('/v1/notifications/stream', { headers: { ...bearer(user), ...headers } });

async function openStream(user: EmulatorUser, headers: Record<string, string> = {}) {
  const response = await open(user, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events = eventStreamReader(response);
  expect(await events.next()).toEqual({ retry: '2000' });
  return events;
}

/** The data of each event of that name, checked against its contract. */
const dataOf = <Name extends keyof typeof notificationStreamEvents>(events: ServerSentEvent[], name: Name) =>
  events.filter((event) => event.event === name).map((event) => notificationStreamEvents[name].parse(JSON.parse(event.data!)) as z.output<(typeof notificationStreamEvents)[Name]>);
const notificationsIn = (events: ServerSentEvent[]) => dataOf(events, 'notification');
/** Done reading once the last count seen is `count`. */
const unreadIs = (count: number) => (events: ServerSentEvent[]) => dataOf(events, 'unread').at(-1)?.unread === count;

describe('GET /v1/notifications/stream', () => {
  it('sends the unread count at once, then a notification the consumer writes and the new count', async () => {
    const user = await signUpUser();
    const events = await openStream(user);
    const [opening] = await events.until(unreadIs(0));
    expect(opening).toMatchObject({ event: 'unread', data: '{"unread":0}', id: 'start' });

    const event = createCloudEvent(userRegistered, { uid: user.uid, email: user.email, displayName: 'Ada' });
    expect((await push(event)).status).toBe(204);
    // The counter and the items are two listeners: their events come in either order.
    const seen = await events.until((read) => unreadIs(1)(read) && notificationsIn(read).length > 0);
    const [welcome] = notificationsIn(seen);
    expect(welcome).toMatchObject({ id: event.id, kind: 'welcome', title: 'Welcome to Plaza, Ada!', readAt: null });
    expect(seen.find((entry) => entry.event === 'notification')?.id).toEqual(expect.any(String));

    // A change through the API reaches the stream as well.
    await inboxRepository.setRead(user.uid, event.id, true);
    await events.until(unreadIs(0));
    await events.cancel();
  });

  it('keeps a quiet stream alive with comments, and ends it by itself after the maximum duration', async () => {
    const user = await signUpUser();
    const started = Date.now();
    const events = await openStream(user);
    await events.until(unreadIs(0));
    expect(await events.next()).toEqual({ comment: 'keepalive' });
    let event: ServerSentEvent | undefined;
    do event = await events.next(6_000);
    while (event);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('on a reconnect with Last-Event-ID first sends what arrived meanwhile, then the count', async () => {
    const user = await signUpUser();
    const [before] = await putItems(user.uid, [testItem()]);
    const first = await openStream(user);
    const [opening] = await first.until(unreadIs(1));
    expect(notificationsIn([opening!])).toEqual([]);
    await first.cancel();

    const missed = await putItems(user.uid, [testItem(new Date(Date.now() + 1)), testItem(new Date(Date.now() + 2))]);
    const resumed = await openStream(user, { 'last-event-id': opening!.id! });
    const seen = await resumed.until(unreadIs(3));
    expect(notificationsIn(seen).map(({ id }) => id)).toEqual(missed);
    expect(seen.at(-1)?.id).toBe(seen.at(-2)?.id);
    expect(notificationsIn(seen).map(({ id }) => id)).not.toContain(before);
    await resumed.cancel();

    // An empty inbox starts at `start`, so a resume from it sends whatever came since.
    const newcomer = await signUpUser();
    const empty = await openStream(newcomer);
    expect((await empty.until(unreadIs(0)))[0]?.id).toBe('start');
    await empty.cancel();
    const [arrived] = await putItems(newcomer.uid, [testItem()]);
    const fromStart = await openStream(newcomer, { 'last-event-id': 'start' });
    expect(notificationsIn(await fromStart.until(unreadIs(1))).map(({ id }) => id)).toEqual([arrived]);
    await fromStart.cancel();
  });

  it('starts afresh from a Last-Event-ID it never issued', async () => {
    const user = await signUpUser();
    await putItems(user.uid, [testItem()]);
    const events = await openStream(user, { 'last-event-id': 'not-a-position' });
    expect(notificationsIn(await events.until(unreadIs(1)))).toEqual([]);
    await events.cancel();
  });

  it('refuses a sixth stream of a user with 429, and frees the slot when a stream closes', async () => {
    const user = await signUpUser();
    const streams = await Promise.all(Array.from({ length: 5 }, () => openStream(user)));
    const sixth = await open(user);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toContain('application/problem+json');
    expect(ProblemDetails.parse(await sixth.json()).code).toBe('rate_limited');
    await (await openStream(await signUpUser())).cancel();

    await streams[0]!.cancel();
    await vi.waitFor(async () => {
      const again = await open(user);
      expect(again.status).toBe(200);
      await again.body?.cancel();
    });
    await Promise.all(streams.slice(1).map((stream) => stream.cancel()));
  });

  it('is signed in by the session cookie like every route (a GET needs no CSRF token)', async () => {
    const user = await signUpUser();
    const cookie = await (await firebaseAuth()).createSessionCookie(user.idToken, { expiresIn: 10 * 60_000 });
    const response = await app.request('/v1/notifications/stream', { headers: { cookie: `__session=${cookie}` } });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it('needs a signed-in user', async () => {
    const response = await open(undefined);
    expect(response.status).toBe(401);
    expect(ProblemDetails.parse(await response.json()).code).toBe('unauthenticated');
  });
});
