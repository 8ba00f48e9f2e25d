import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a newcomer runs it: a fresh process with its own emulators (free ports, so it
 * runs beside the test suite's), one URL for the dashboard and the API, and a clean stop.
 */
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = spawn(process.execPath, ['--import', tsx, fileURLToPath(new URL('./cli.ts', import.meta.url)), '--port', '0', '--free-ports'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, LOG_LEVEL: 'warn' },
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk));
child.stderr.on('data', (chunk: Buffer) => (output += chunk));
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

async function announcedUrl(timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = /Plaza is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    if (url) return url;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`npm start did not announce its URL:\n${output}`);
}

describe('npm start', () => {
  it('serves the dashboard and the API on one URL, prints the env, and stops cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    const url = await announcedUrl(60_000);
    expect(output).toMatch(/^export FIRESTORE_EMULATOR_HOST=127\.0\.0\.1:\d+$/m);
    expect(output).toMatch(/^export PUSH_AUTH=oidc$/m);
    expect(output).toContain('Try it as Ada Lovelace'); // the demo member exists

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Plaza</title>');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff'); // firebase.json's headers apply

    const health = await fetch(`${url}/api/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
    expect((await fetch(`${url}/api/v1/me`)).status).toBe(401);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
