import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../bench/spawn-server.ts';
import { bundleDeployable, lazySdks } from '../scripts/bundle.ts';

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
    } finally {
      await server.stop();
    }
  });
});
