import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./testing/slow-server.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const started: ChildProcess[] = [];

interface ServerProcess {
  child: ChildProcess;
  port: number;
  messages: string[];
  exitCode: Promise<number | null>;
  /** Resolves when the server has logged this message. */
  logged(message: string): Promise<void>;
}

async function startServer(drainTimeoutMs: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: repoRoot,
    env: { ...process.env, DRAIN_TIMEOUT_MS: String(drainTimeoutMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.push(child);
  const messages: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  // 'close' rather than 'exit': it comes after the last lines on stdout have been read.
  const exitCode = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const logged = (message: string): Promise<void> =>
    new Promise((resolve) => {
      if (messages.includes(message)) return resolve();
      const onLine = (): void => {
        if (!messages.includes(message)) return;
        lines.off('line', onLine);
        resolve();
      };
      lines.on('line', onLine);
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { message: string; port?: number };
      messages.push(entry.message);
      if (entry.port) resolve(entry.port);
    });
  });
  return { child, port, messages, exitCode, logged };
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('serve', () => {
  it('on SIGTERM finishes the request in flight, refuses new ones, runs the hook and exits 0', async () => {
    const server = await startServer(5_000);
    const inFlight = fetch(`http://127.0.0.1:${server.port}/slow?ms=700`);
    await server.logged('slow request started');
    server.child.kill('SIGTERM');
    await server.logged('SIGTERM: draining');
    await expect(fetch(`http://127.0.0.1:${server.port}/slow?ms=0`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    expect(await server.exitCode).toBe(0);
    // pino writes stdout asynchronously and flushes the rest synchronously at exit, so the last
    // two lines, written a microtask apart, can reach the pipe in either order.
    expect(server.messages.at(-3)).toBe('SIGTERM: draining');
    expect(server.messages.slice(-2).sort()).toEqual(['shutdown hook ran', 'stopped']);
  });

  it('on SIGTERM tells streams to end (serviceDraining), and exits without waiting out the deadline', async () => {
    const server = await startServer(20_000);
    const response = await fetch(`http://127.0.0.1:${server.port}/stream`);
    await server.logged('stream started');
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await response.text()).toBe('open;drained');
    expect(await server.exitCode).toBe(0);
    // Not the 20 s deadline, and not the 5 s keep-alive of the connection the stream left idle:
    // Node closes it about a second after it ends.
    expect(Date.now() - signalled).toBeLessThan(2_500);
  });

  it('stops waiting for a request that outlives the drain deadline', async () => {
    const server = await startServer(300);
    const stuck = fetch(`http://127.0.0.1:${server.port}/slow?ms=60000`).catch((error: unknown) => error);
    await server.logged('slow request started');
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exitCode).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(await stuck).toBeInstanceOf(Error);
    expect(server.messages).toContain('shutdown hook ran');
  });
});
