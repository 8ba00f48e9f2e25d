import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../bench/spawn-server.ts';
import { buildBundle, bundleDeployable, lazySdks } from '../scripts/bundle.ts';

const run = promisify(execFile);

/**
 * The deployable as Cloud Run gets it. Built outside the repository, where no node_modules can
 * be found: it still serves /healthz, so nothing on that path needs the external SDKs.
 */
const directory = await mkdtemp(join(tmpdir(), 'plaza-gateway-bundle-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('the gateway bundle', () => {
  it('is one ESM file that reaches the Google SDKs only through dynamic imports', async () => {
    const bundle = await bundleDeployable({
      entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
      outfile: join(directory, 'index.mjs'),
    });
    expect(bundle.sdkImports.length).toBeGreaterThan(0);
    for (const { path, kind } of bundle.sdkImports) {
      expect(lazySdks.some((sdk) => path.startsWith(sdk))).toBe(true);
      expect(kind).toBe('dynamic-import');
    }

    const server = await spawnServer(bundle.outfile, { path: '/healthz' }, { HOST: '127.0.0.1', PUSH_AUTH: 'none', LOG_LEVEL: 'silent' });
    try {
      const response = await fetch(`${server.origin}/healthz`);
      expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
      // zod's locales are narrowed to English in a bundle: its messages still read as before.
      const invalid = await fetch(`${server.origin}/v1/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 42 }),
      });
      expect(await invalid.json()).toMatchObject({ status: 400, errors: [{ path: 'body.email', message: expect.stringMatching(/^Invalid input: expected string/) }] });
    } finally {
      await server.stop();
    }
  });

  it("carries zod's English messages only, not its 64 locales", async () => {
    await buildBundle({ entry: fileURLToPath(new URL('./testing/zod-locales-probe.ts', import.meta.url)), outfile: join(directory, 'zod-locales.mjs') });
    const { stdout } = await run(process.execPath, [join(directory, 'zod-locales.mjs')]);
    expect(JSON.parse(stdout)).toEqual(['en']);
  });
});
