import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { GrammyError, Api } from 'grammy';
import { afterAll, describe, expect, it } from 'vitest';
import { classifySendFailure } from './send-failure.ts';

const token = '7000000009:AAFailureClassificationTestToken123';
const apiError = (error_code: number, description: string, retry_after?: number) =>
  new GrammyError('call failed', { ok: false, error_code, description, ...(retry_after ? { parameters: { retry_after } } : {}) }, 'sendMessage', {});

/** A server that takes the request and hangs up without an answer: the message may have arrived. */
const hangUp: Server = createServer((socket) => socket.once('data', () => socket.destroy()));
await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => hangUp.close(() => resolve())));

async function failureOf(apiRoot: string) {
  try {
    await new Api(token, { apiRoot }).sendMessage(1, 'hi');
  } catch (error) {
    return classifySendFailure(error);
  }
  throw new Error('the send succeeded');
}

describe('classifySendFailure', () => {
  it('reads Telegram’s answers', () => {
    expect(classifySendFailure(apiError(429, 'Too Many Requests: retry after 7', 7))).toMatchObject({ kind: 'retry-after', retryAfterMs: 7_000 });
    expect(classifySendFailure(apiError(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ kind: 'blocked' });
    expect(classifySendFailure(apiError(400, 'Bad Request: chat not found'))).toMatchObject({ kind: 'refused', reason: '400: Bad Request: chat not found' });
    expect(classifySendFailure(apiError(502, 'Bad Gateway'))).toMatchObject({ kind: 'not-sent' });
  });

  it('tells a connection that never opened (safe to retry) from one that broke after the request (in doubt)', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    expect(await failureOf(`http://127.0.0.1:${closedPort}`)).toMatchObject({ kind: 'not-sent', reason: expect.stringContaining('ECONNREFUSED') });
    expect(await failureOf(`http://127.0.0.1:${(hangUp.address() as AddressInfo).port}`)).toMatchObject({ kind: 'in-doubt' });
  });
});
