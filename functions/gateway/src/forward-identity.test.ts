import { claimsOf, signUpUser } from '@plaza/runtime/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from './local/listen.ts';
import { startMetadataServer, type MetadataServer } from './testing/metadata-server.ts';
import { bearer, startTestGateway } from './testing/test-gateway.ts';

/**
 * A module split into a private Cloud Run service only answers callers that prove who they are:
 * the gateway asks the metadata server for an ID token for that service and sends it in
 * X-Serverless-Authorization, leaving the user's own Authorization header as it came.
 */
let metadata: MetadataServer;
const received: Record<string, string>[] = [];
let remote: string;

beforeAll(async () => {
  metadata = await startMetadataServer();
  afterAll(metadata.close);
  // What google-auth-library reads to find the metadata server, as on Cloud Run.
  process.env.GCE_METADATA_HOST = metadata.origin.replace('http://', '');
  process.env.METADATA_SERVER_DETECTION = 'assume-present';
  const recorder = new Hono().all('*', (c) => {
    received.push(c.req.header());
    return c.json({ items: [], nextCursor: null });
  });
  const listening = await listen(recorder.fetch, 0);
  afterAll(listening.close);
  remote = listening.origin;
});

describe('forwarding to a private module service', () => {
  it('sends an ID token for the service and the caller credential untouched, minting the token once', async () => {
    const { origin } = await startTestGateway({ TOPOLOGY_REMOTE_MODULES: `notifications=${remote}`, TOPOLOGY_FORWARD_IDENTITY: 'google-id-token' });
    const member = await signUpUser();
    for (let call = 0; call < 2; call += 1) {
      const response = await fetch(`${origin}/v1/notifications`, { headers: bearer(member.idToken) });
      expect(response.status).toBe(200);
    }
    expect(received).toHaveLength(2);
    for (const headers of received) {
      expect(headers.authorization).toBe(`Bearer ${member.idToken}`);
      const token = /^Bearer (.+)$/.exec(headers['x-serverless-authorization'] ?? '')?.[1];
      expect(claimsOf(token ?? '')).toMatchObject({ aud: remote, email: 'gateway@plaza-test.iam.gserviceaccount.com' });
    }
    expect(metadata.identityRequests).toEqual([remote]);
  });

  it('answers 503 when no ID token can be had, and forwards nothing', async () => {
    const before = received.length;
    const { origin } = await startTestGateway({ TOPOLOGY_REMOTE_MODULES: `notifications=${remote}`, TOPOLOGY_FORWARD_IDENTITY: 'google-id-token' });
    const member = await signUpUser();
    await metadata.close();
    const response = await fetch(`${origin}/v1/notifications`, { headers: bearer(member.idToken) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'unavailable' });
    expect(received).toHaveLength(before);
  });
});
