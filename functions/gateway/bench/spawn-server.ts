import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export interface SpawnedServer {
  origin: string;
  /** Milliseconds from spawn until the probe first answered 200. */
  readyMs: number;
  stop(): Promise<void>;
}

/** A port free right now on 127.0.0.1; the child binds it itself, as a Cloud Run instance binds PORT. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Spawns `node <file>` with PORT set and polls `probe` until it answers 200: the cold start a
 * request pays, from process start to a served response. Gives up after `timeoutMs`.
 */
export async function spawnServer(
  file: string,
  probe: { path: string; headers?: Record<string, string> },
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<SpawnedServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
  const stop = () => stopChild(child);
  while (performance.now() - startedAt < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${file} exited ${child.exitCode} before serving:\n${stderr}`);
    const status = await fetch(`${origin}${probe.path}`, { headers: probe.headers }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) return { origin, readyMs: performance.now() - startedAt, stop };
    // Refused connections fail fast; a short pause keeps the poller from starving the child of CPU.
    await new Promise((resolve) => setTimeout(resolve, status === 0 ? 2 : 20));
  }
  await stop();
  throw new Error(`${file} did not answer 200 on ${probe.path} within ${timeoutMs} ms:\n${stderr}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
