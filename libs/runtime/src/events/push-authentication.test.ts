import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, generateKeyPair } from 'jose';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/app-env.ts';
import { pushAuthOptionsFrom, verifyPushToken, type PushAuthOptions } from './push-authentication.ts';
import { useEmulators, withServiceContext } from './test-support.ts';

const { pubsub } = useEmulators('push-authentication');
const issuer = `http://${process.env.PUBSUB_EMULATOR_HOST}`;
const serviceAccountEmail = 'push@demo-plaza.iam.gserviceaccount.com';
const audience = 'https://plaza.local/push';
const expected: PushAuthOptions = { mode: 'oidc', audience, serviceAccountEmail, issuer, jwksUrl: `${issuer}/oauth2/v3/certs` };

const appVerifying = (options: PushAuthOptions) => {
  const routes = new Hono<AppEnv>();
  routes.use('/_push/*', verifyPushToken(options));
  routes.post('/_push/probe', (c) => c.body(null, 204));
  return withServiceContext(routes);
};
const call = (options: PushAuthOptions, token?: string) =>
  appVerifying(options).request('/_push/probe', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

/** Has the emulator push once to a capturing endpoint and returns the OIDC token it signed. */
async function emulatorToken(signer: string): Promise<string> {
  let captured!: (token: string) => void;
  const token = new Promise<string>((resolve) => (captured = resolve));
  const server = createServer((request, response) => {
    captured(request.headers.authorization!.slice('Bearer '.length));
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const name = `capture-${signer.split('@')[0]}`;
    const [topic] = await pubsub.createTopic(name);
    await topic.createSubscription(name, {
      pushConfig: { pushEndpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, oidcToken: { serviceAccountEmail: signer, audience } },
    });
    await topic.publishMessage({ data: Buffer.from('{}') });
    return await token;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

let realToken: string;
let otherSignerToken: string;
beforeAll(async () => {
  [realToken, otherSignerToken] = await Promise.all([emulatorToken(serviceAccountEmail), emulatorToken('intruder@demo-plaza.iam.gserviceaccount.com')]);
});

describe('verifyPushToken', () => {
  it('accepts a token the Pub/Sub emulator signed for the expected signer and audience', async () => {
    expect((await call(expected, realToken)).status).toBe(204);
  });

  it('answers 401 without a bearer token', async () => {
    const response = await call(expected);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('answers 401 to a forged token (right claims, wrong key)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ email: serviceAccountEmail, email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await call(expected, forged)).status).toBe(401);
  });

  it('answers 401 to a real token for another audience or issuer', async () => {
    expect((await call({ ...expected, audience: 'https://elsewhere.example' }, realToken)).status).toBe(401);
    expect((await call({ ...expected, issuer: 'https://accounts.google.com' }, realToken)).status).toBe(401);
  });

  it('answers 403 to a real token signed for another service account', async () => {
    const response = await call(expected, otherSignerToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden' });
  });

  it('lets everything through with PUSH_AUTH=none', async () => {
    expect((await call({ mode: 'none' })).status).toBe(204);
  });
});

describe('pushAuthOptionsFrom', () => {
  const config = {
    PUSH_AUTH: 'oidc',
    PUSH_AUDIENCE: audience,
    PUSH_SERVICE_ACCOUNT: serviceAccountEmail,
    PUSH_OIDC_ISSUER: 'https://accounts.google.com',
    PUSH_OIDC_JWKS_URL: 'https://www.googleapis.com/oauth2/v3/certs',
  } as const;

  it('reads the service config', () => {
    expect(pushAuthOptionsFrom(config)).toEqual({
      mode: 'oidc',
      audience,
      serviceAccountEmail,
      issuer: 'https://accounts.google.com',
      jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
    });
    expect(pushAuthOptionsFrom({ ...config, PUSH_AUTH: 'none' })).toEqual({ mode: 'none' });
  });

  it('refuses OIDC without an audience and a signer to check', () => {
    expect(() => pushAuthOptionsFrom({ ...config, PUSH_AUDIENCE: undefined })).toThrow(/PUSH_AUDIENCE and PUSH_SERVICE_ACCOUNT/);
  });
});
