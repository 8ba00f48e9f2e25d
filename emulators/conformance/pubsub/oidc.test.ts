import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { startPushEndpoint } from './support/push-endpoint.ts';
import { pubsubEmulatorHost, usePubSub } from './support/pubsub.ts';

/**
 * Push authentication: the engine signs an OIDC token for each push and publishes its keys on
 * the emulator's port, so a consumer verifies pushes locally with the code it runs in production.
 * The official emulator sends no token, hence "beyond".
 */
const harness = usePubSub();
const issuer = `http://${pubsubEmulatorHost()}`;
const jwks = createRemoteJWKSet(new URL(`${issuer}/oauth2/v3/certs`));
const serviceAccountEmail = 'pubsub-push@plaza-conformance.iam.gserviceaccount.com';

const bearer = (authorization: string | undefined): string => {
  expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  return authorization!.slice('Bearer '.length);
};

describe('push OIDC tokens (beyond the official emulator)', () => {
  it('signs a token for the configured audience that verifies against the published JWKS', async () => {
    const endpoint = await startPushEndpoint(() => 204);
    const { topic } = await harness.topicWithSubscription('oidc', {
      pushConfig: { pushEndpoint: endpoint.url, oidcToken: { serviceAccountEmail, audience: 'https://plaza.local/events' } },
    });
    await topic.publishMessage({ data: Buffer.from('signed') });
    await expect.poll(() => endpoint.pushes.length).toBe(1);

    const { payload, protectedHeader } = await jwtVerify(bearer(endpoint.pushes[0]!.headers.authorization), jwks, {
      issuer,
      audience: 'https://plaza.local/events',
      algorithms: ['RS256'],
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ email: serviceAccountEmail, email_verified: true, sub: expect.stringMatching(/^\d+$/) });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
  });

  it('uses the push endpoint as the audience when none is configured', async () => {
    const endpoint = await startPushEndpoint(() => 204);
    const { topic } = await harness.topicWithSubscription('oidc-default-audience', {
      pushConfig: { pushEndpoint: endpoint.url, oidcToken: { serviceAccountEmail } },
    });
    await topic.publishMessage({ data: Buffer.from('signed') });
    await expect.poll(() => endpoint.pushes.length).toBe(1);
    const { payload } = await jwtVerify(bearer(endpoint.pushes[0]!.headers.authorization), jwks, { issuer });
    expect(payload.aud).toBe(endpoint.url);
  });

  it('sends no token to a subscription without oidcToken', async () => {
    const endpoint = await startPushEndpoint(() => 204);
    const { topic } = await harness.topicWithSubscription('oidc-none', { pushConfig: { pushEndpoint: endpoint.url } });
    await topic.publishMessage({ data: Buffer.from('anonymous') });
    await expect.poll(() => endpoint.pushes.length).toBe(1);
    expect(endpoint.pushes[0]!.headers.authorization).toBeUndefined();
  });

  it('publishes an OpenID discovery document naming the issuer and its keys', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ issuer, jwks_uri: `${issuer}/oauth2/v3/certs` });
  });
});
