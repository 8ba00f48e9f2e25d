import { passwordPolicy } from '@plaza/contracts';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPasswordPolicy } from './apply-password-policy.ts';

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A stand-in for the Identity Toolkit Admin API's config endpoint: it records, and refuses a project named `forbidden`. */
const received: Received[] = [];
let apiRoot: string;
const server = createServer(async (request: IncomingMessage, response) => {
  let text = '';
  for await (const chunk of request) text += chunk;
  received.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(text) });
  if (request.url?.includes('/projects/forbidden/')) {
    response.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"code":403,"status":"PERMISSION_DENIED"}}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(text);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('applying the password policy to Identity Platform', () => {
  it("PATCHes only passwordPolicyConfig, enforcing the shared policy's lengths", async () => {
    await applyPasswordPolicy({ project: 'plaza-prod', accessToken: 'token-1', apiRoot });
    expect(received.at(-1)).toEqual({
      method: 'PATCH',
      url: '/admin/v2/projects/plaza-prod/config?updateMask=passwordPolicyConfig',
      authorization: 'Bearer token-1',
      body: {
        passwordPolicyConfig: {
          passwordPolicyEnforcementState: 'ENFORCE',
          forceUpgradeOnSignin: false,
          passwordPolicyVersions: [
            { customStrengthOptions: { minPasswordLength: passwordPolicy.minLength, maxPasswordLength: passwordPolicy.maxLength } },
          ],
        },
      },
    });
  });

  it('fails with what the API said', async () => {
    await expect(applyPasswordPolicy({ project: 'forbidden', accessToken: 't', apiRoot })).rejects.toThrow(/403 .*PERMISSION_DENIED/);
  });
});
