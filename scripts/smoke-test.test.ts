import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { smokeTest } from './smoke-test.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server on 127.0.0.1 that answers /healthz from a list of replies, one per request. */
async function healthServer(replies: { status: number; body: string }[], path = '/healthz'): Promise<{ origin: string; requests: () => number }> {
  let count = 0;
  server = createServer((request, response) => {
    const reply = replies[Math.min(count++, replies.length - 1)]!;
    response.writeHead(request.url === path ? reply.status : 404, { 'content-type': 'application/json' }).end(reply.body);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, requests: () => count };
}

describe('smokeTest', () => {
  it('passes once <base>/healthz says ok, retrying while a new revision comes up', async () => {
    const { origin, requests } = await healthServer(
      [
        { status: 503, body: '{"status":"starting"}' },
        { status: 200, body: '{"status":"ok","service":"gateway"}' },
      ],
      '/api/healthz',
    );
    await expect(smokeTest(`${origin}/api`, { delayMs: 1 })).resolves.toEqual({ status: 'ok', service: 'gateway' });
    expect(requests()).toBe(2);
  });

  it('fails after the bounded attempts with the last answer', async () => {
    const { origin, requests } = await healthServer([{ status: 200, body: '{"status":"degraded","service":"gateway"}' }]);
    await expect(smokeTest(origin, { attempts: 3, delayMs: 1 })).rejects.toThrow(/not healthy after 3 attempts; last answer: 200 \{"status":"degraded"/);
    expect(requests()).toBe(3);
  });

  it('checks the health path under the base, not beside it', async () => {
    const { origin } = await healthServer([{ status: 200, body: '{"status":"ok","service":"gateway"}' }], '/healthz');
    await expect(smokeTest(`${origin}/api/`, { attempts: 1, delayMs: 1 })).rejects.toThrow(/\/api\/healthz is not healthy/);
  });

  it('fails when nothing answers', async () => {
    await expect(smokeTest('http://127.0.0.1:9', { attempts: 2, delayMs: 1 })).rejects.toThrow(/not healthy after 2 attempts/);
  });
});
