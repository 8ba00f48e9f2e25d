import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../service.ts';
import { startAuthEmulator } from './index.ts';

const projectId = 'demo-auth-unit';

// One emulator for the whole file: each start costs seconds of CPU. The last test stops it.
describe('startAuthEmulator', () => {
  let auth: RunningService;
  beforeAll(async () => {
    auth = await startAuthEmulator({ port: 0, projectId });
  }, 60_000);
  afterAll(() => auth?.stop());

  const signUp = (email: string) =>
    fetch(`http://${auth.host}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=any`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'secret-password' }),
    });

  it('serves the Auth emulator at the address it exports', async () => {
    expect(auth.env).toEqual({ FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${auth.port}` });
    const response = await fetch(`http://${auth.host}/`);
    expect(await response.json()).toMatchObject({ authEmulator: { ready: true } });
  });

  it('forgets every account of its project on reset', async () => {
    expect((await signUp('ada@example.com')).status).toBe(200);
    expect((await signUp('ada@example.com')).status).toBe(400);
    await auth.reset();
    expect((await signUp('ada@example.com')).status).toBe(200);
  });

  it('fails at once, naming the port, when the port is taken', async () => {
    const started = performance.now();
    await expect(startAuthEmulator({ port: auth.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
      message: expect.stringContaining(`127.0.0.1:${auth.port}`),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('releases its port on stop, and stopping again is harmless', async () => {
    await Promise.all([auth.stop(), auth.stop()]);
    await auth.stop();
    await expect(listenOn(auth.port)).resolves.toBeDefined();
  });
});

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(server)));
  });
}
