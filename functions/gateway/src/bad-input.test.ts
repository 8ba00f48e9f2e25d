import { ProblemDetails, problemContentType } from '@plaza/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { bearer, startTestGateway } from './testing/test-gateway.ts';

/** Bad requests through the whole gateway stack: each gets its 4xx problem, and the process carries on. */
const bodyLimitBytes = 4096;
let origin: string;
let member: EmulatorUser;

beforeAll(async () => {
  ({ origin } = await startTestGateway({ BODY_LIMIT_BYTES: String(bodyLimitBytes) }));
  member = await signUpUser();
});

const forgedToken = [
  Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'forged' })).toString('base64url'),
  Buffer.from(JSON.stringify({ sub: 'mallory', aud: 'demo-plaza', iss: 'https://securetoken.google.com/demo-plaza', exp: 9_999_999_999 })).toString('base64url'),
  'c2lnbmF0dXJl',
].join('.');

const patchMe = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', ...bearer(member.idToken), ...headers },
  body,
});

const cases: { name: string; path: string; init?: () => RequestInit; status: number; code: string; field?: string }[] = [
  { name: 'malformed JSON', path: '/v1/me/profile', init: () => patchMe('{"displayName": '), status: 400, code: 'malformed_json' },
  { name: 'a wrong type', path: '/v1/me/profile', init: () => patchMe('{"displayName": 42}'), status: 400, code: 'validation_failed', field: 'body.displayName' },
  { name: 'an unknown field', path: '/v1/me/profile', init: () => patchMe('{"displayName": "Ada", "admin": true}'), status: 400, code: 'validation_failed' },
  { name: 'a bad query parameter', path: '/v1/notifications?limit=ten', init: () => ({ headers: bearer(member.idToken) }), status: 400, code: 'validation_failed', field: 'query.limit' },
  { name: 'a cursor the API never issued', path: '/v1/notifications?cursor=bogus', init: () => ({ headers: bearer(member.idToken) }), status: 400, code: 'validation_failed', field: 'query.cursor' },
  { name: 'an oversize body', path: '/v1/me/profile', init: () => patchMe(JSON.stringify({ displayName: 'x'.repeat(bodyLimitBytes * 4) })), status: 413, code: 'payload_too_large' },
  { name: 'an unknown route', path: '/v1/no-such-thing', status: 404, code: 'not_found' },
  { name: 'no token', path: '/v1/me', status: 401, code: 'unauthenticated' },
  { name: 'a forged token', path: '/v1/me', init: () => ({ headers: bearer(forgedToken) }), status: 401, code: 'unauthenticated' },
  { name: 'a malformed Authorization header', path: '/v1/me', init: () => ({ headers: { authorization: 'Basic YWRhOmFkYQ==' } }), status: 401, code: 'unauthenticated' },
  { name: 'a push without its OIDC token', path: '/_push/notifications/on-user-registered', init: () => ({ method: 'POST', body: '{}' }), status: 401, code: 'unauthenticated' },
];

describe('bad input through the gateway', () => {
  it.each(cases)('answers $name with $status $code, and keeps serving', async ({ path, init, status, code, field }) => {
    const response = await fetch(`${origin}${path}`, init?.());
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(problemContentType);
    const text = await response.text();
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames, ever
    const problem = ProblemDetails.parse(JSON.parse(text));
    expect(problem).toMatchObject({ status, code });
    if (field) expect(problem.errors?.map((error) => error.path)).toContain(field);

    const followUp = await fetch(`${origin}/v1/me/permissions`, { headers: bearer(member.idToken) });
    expect(followUp.status).toBe(200);
  });
});
