import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { PushTokenSigner } from './oidc.ts';

describe('PushTokenSigner', () => {
  const signer = new PushTokenSigner('http://127.0.0.1:8085');
  const request = { serviceAccountEmail: 'push@demo.iam.gserviceaccount.com', audience: 'https://consumer.local/push' };

  it('signs tokens that verify against its JWKS with Google-like claims', async () => {
    const now = Date.UTC(2030, 0, 1);
    const token = await signer.sign(request, now);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await signer.jwks()), {
      issuer: 'http://127.0.0.1:8085',
      audience: 'https://consumer.local/push',
      currentDate: new Date(now + 1000),
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      email: request.serviceAccountEmail,
      email_verified: true,
      iat: now / 1000,
      exp: now / 1000 + 3600,
    });
    expect(payload.sub).toMatch(/^\d{21}$/);
    expect(payload.azp).toBe(payload.sub);
  });

  it('gives each service account a stable subject', async () => {
    const subject = async (email: string) =>
      decodeJwt(await signer.sign({ ...request, serviceAccountEmail: email }, Date.now())).sub;
    expect(await subject('a@x')).toBe(await subject('a@x'));
    expect(await subject('a@x')).not.toBe(await subject('b@x'));
  });

  it('publishes the same key as PEM under the token’s key id', async () => {
    const token = await signer.sign(request, Date.now());
    const pem = await signer.pemKeys();
    const { kid } = decodeProtectedHeader(token);
    expect(Object.keys(pem)).toEqual([kid]);
    expect(pem[kid!]).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});
