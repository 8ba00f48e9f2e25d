import { MeResponse, NotificationList } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { subscribeGateway } from './local/local-push.ts';
import { signUpUser } from '@plaza/runtime/testing';
import { bearer, startTestGateway } from './testing/test-gateway.ts';

/**
 * The vertical slice on the real emulators, no mocks: a user signed up in the Auth emulator calls
 * /v1/me; the profile and userRegistered commit together through the outbox; Pub/Sub pushes the
 * event (with an emulator-signed OIDC token) to the gateway's consumer, which writes the welcome
 * item that /v1/notifications then lists.
 */
let origin: string;

beforeAll(async () => {
  ({ origin } = await startTestGateway());
  await subscribeGateway(origin);
});

describe('a new member', () => {
  it('gets a profile from /v1/me and then a welcome notification through the event pipeline', async () => {
    const user = await signUpUser({ displayName: 'Ada Lovelace' });

    const me = await fetch(`${origin}/v1/me`, { headers: bearer(user.idToken) });
    expect(me.status).toBe(200);
    const profile = MeResponse.parse(await me.json());
    expect(profile).toMatchObject({ uid: user.uid, email: user.email, displayName: 'Ada Lovelace', roles: ['member'] });
    expect(profile.permissions).toContain('notifications:read:self');

    const inbox = async () => {
      const response = await fetch(`${origin}/v1/notifications`, { headers: bearer(user.idToken) });
      return NotificationList.parse(await response.json());
    };
    await expect.poll(inbox, { timeout: 15_000, interval: 100 }).toMatchObject({
      items: [{ kind: 'welcome', title: 'Welcome to Plaza, Ada Lovelace!', readAt: null }],
      nextCursor: null,
    });

    // Seen again, the user is not registered again: the profile keeps its first creation time.
    const again = MeResponse.parse(await (await fetch(`${origin}/v1/me`, { headers: bearer(user.idToken) })).json());
    expect(again.createdAt).toBe(profile.createdAt);
  });

  it('pages through the inbox with the cursor', async () => {
    const user = await signUpUser();
    await fetch(`${origin}/v1/me`, { headers: bearer(user.idToken) });
    const first = async () => {
      const response = await fetch(`${origin}/v1/notifications?limit=1`, { headers: bearer(user.idToken) });
      return NotificationList.parse(await response.json());
    };
    await expect.poll(async () => (await first()).items.length, { timeout: 15_000, interval: 100 }).toBe(1);
    const page = await first();
    // One item and a full page: the cursor leads to an empty last page.
    expect(page.nextCursor).not.toBeNull();
    const next = await fetch(`${origin}/v1/notifications?limit=1&cursor=${page.nextCursor}`, { headers: bearer(user.idToken) });
    expect(NotificationList.parse(await next.json())).toEqual({ items: [], nextCursor: null });
  });

  it('renames themselves, and removes the name with null', async () => {
    const user = await signUpUser({ displayName: 'Ada' });
    const patch = (displayName: string | null) =>
      fetch(`${origin}/v1/me/profile`, {
        method: 'PATCH',
        headers: { ...bearer(user.idToken), 'content-type': 'application/json' },
        body: JSON.stringify({ displayName }),
      });
    const renamed = await patch('  Countess of Lovelace ');
    expect(renamed.status).toBe(200);
    expect(MeResponse.parse(await renamed.json()).displayName).toBe('Countess of Lovelace');
    const me = MeResponse.parse(await (await fetch(`${origin}/v1/me`, { headers: bearer(user.idToken) })).json());
    expect(me.displayName).toBe('Countess of Lovelace');
    expect(MeResponse.parse(await (await patch(null)).json()).displayName).toBeNull();
  });
});
