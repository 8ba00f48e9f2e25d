import { firestore } from '@plaza/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { bearer, startTestGateway } from './testing/test-gateway.ts';

/**
 * Topology is configuration: the notifications module served in-process by one gateway, and
 * forwarded by a second gateway (TOPOLOGY_REMOTE_MODULES) to that first, separately started
 * instance. A client cannot tell the two apart.
 */
let inProcess: string;
let forwarding: string;
let member: EmulatorUser;

beforeAll(async () => {
  ({ origin: inProcess } = await startTestGateway());
  ({ origin: forwarding } = await startTestGateway({ TOPOLOGY_REMOTE_MODULES: `notifications=${inProcess}`, TOPOLOGY_FORWARD_IDENTITY: 'none' }));
  member = await signUpUser();
  // Something in the inbox, written where the module keeps it, so the answers carry data.
  const inbox = (await firestore()).collection('inboxes').doc(member.uid).collection('items');
  await Promise.all(
    ['2026-01-01T10:00:00.000Z', '2026-01-02T10:00:00.000Z', '2026-01-03T10:00:00.000Z'].map((createdAt, index) =>
      inbox.doc(`item-${index}`).set({ kind: 'welcome', title: `Item ${index}`, body: 'Hello', createdAt, readAt: null }),
    ),
  );
});

const requests: { name: string; path: string; init: () => RequestInit }[] = [
  { name: 'a page with a cursor', path: '/v1/notifications?limit=2', init: () => ({ headers: bearer(member.idToken) }) },
  { name: 'the /api prefix Hosting forwards', path: '/api/v1/notifications?limit=5', init: () => ({ headers: bearer(member.idToken) }) },
  { name: 'a validation problem', path: '/v1/notifications?limit=0', init: () => ({ headers: bearer(member.idToken) }) },
  { name: 'no credential', path: '/v1/notifications', init: () => ({}) },
  { name: 'a method the route lacks', path: '/v1/notifications', init: () => ({ method: 'POST', headers: bearer(member.idToken), body: '{}' }) },
];

async function answer(origin: string, path: string, init: RequestInit) {
  const response = await fetch(`${origin}${path}`, {
    ...init,
    // The same request id both ways, since problems echo it.
    headers: { ...(init.headers as Record<string, string>), 'x-request-id': 'topology-test' },
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

describe('topology as configuration', () => {
  it.each(requests)('answers $name identically in-process and forwarded', async ({ path, init }) => {
    const direct = await answer(inProcess, path, init());
    const forwarded = await answer(forwarding, path, init());
    expect(forwarded).toEqual(direct);
  });

  it('pages the same way through the forwarding gateway', async () => {
    const first = JSON.parse((await answer(forwarding, '/v1/notifications?limit=2', { headers: bearer(member.idToken) })).body);
    expect(first.items.map((item: { id: string }) => item.id)).toEqual(['item-2', 'item-1']);
    const rest = await answer(forwarding, `/v1/notifications?limit=2&cursor=${first.nextCursor}`, { headers: bearer(member.idToken) });
    expect(JSON.parse(rest.body)).toMatchObject({ items: [{ id: 'item-0' }], nextCursor: null });
  });

  it('documents the same API in both topologies', async () => {
    const document = async (origin: string) => (await fetch(`${origin}/v1/openapi.json`)).json();
    expect(await document(forwarding)).toEqual(await document(inProcess));
  });

  it('keeps the other modules in-process', async () => {
    const response = await fetch(`${forwarding}/v1/me/permissions`, { headers: bearer(member.idToken) });
    expect(response.status).toBe(200);
  });

  it('answers 503 while the module service is down', async () => {
    const { origin: orphan } = await startTestGateway({ TOPOLOGY_REMOTE_MODULES: 'notifications=http://127.0.0.1:9', TOPOLOGY_FORWARD_IDENTITY: 'none' });
    const response = await fetch(`${orphan}/v1/notifications`, { headers: bearer(member.idToken) });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });
});
