import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../bench/spawn-server.ts';
import { bundleDeployable } from '../scripts/bundle.ts';

/**
 * There is no Docker engine here, so this checks the Dockerfile's structure against what the
 * build really produces, then lays out the runtime stage's /app from a fresh bundle, outside the
 * repository (no node_modules to fall back on), and starts it as the image's CMD would.
 */

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}
interface Stage {
  readonly image: string;
  readonly name: string;
  readonly instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const match = /^(\S+)\s+AS\s+(\S+)$/i.exec(args);
      if (!match) throw new Error(`every stage is named: FROM ${args}`);
      stages.push({ image: match[1]!, name: match[2]!, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${keyword} before the first FROM`);
      stage.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const gatewayDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const stages = parseDockerfile(await readFile(join(gatewayDir, 'Dockerfile'), 'utf8'));
const runtime = stages.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
/** `COPY --from=<stage> <src>… <dest>` in the runtime stage: the files taken from the build stage. */
const copiedFromBuild = all(runtime, 'COPY')
  .map((copy) => copy.args.split(/\s+/))
  .filter(([flag]) => flag === '--from=build')
  .flatMap((parts) => parts.slice(1, -1));

const outDir = await mkdtemp(join(tmpdir(), 'plaza-gateway-image-'));
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the gateway container image', () => {
  it('builds in named stages and runs on a small base as a non-root user', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime-deps', 'runtime']);
    expect(runtime.image).toMatch(/^gcr\.io\/distroless\/nodejs20-debian12:nonroot$/);
    const user = all(runtime, 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(all(runtime, 'RUN')).toEqual([]);
  });

  it('builds the bundle with the workspace build script, from the lockfile', async () => {
    const runs = all(stages[0]!, 'RUN').map((r) => r.args);
    expect(runs).toContain('npm ci --no-audit --no-fund');
    expect(runs).toContain('npm run build -w functions/gateway');
    const manifest = JSON.parse(await readFile(join(gatewayDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.build).toBe('node --import tsx scripts/build.ts');
    // The build script writes where the image copies from.
    expect(await readFile(join(gatewayDir, 'scripts/build.ts'), 'utf8')).toContain("'../dist/index.mjs'");
  });

  it('installs exactly the external SDKs the bundle manifest names', () => {
    const deps = stages.find((s) => s.name === 'runtime-deps')!;
    expect(all(deps, 'COPY').map((c) => c.args)).toEqual(['--from=build /repo/functions/gateway/dist/package.json ./package.json']);
    expect(all(deps, 'RUN').map((r) => r.args)).toEqual(['npm install --omit=dev --no-audit --no-fund --no-package-lock']);
    expect(all(runtime, 'COPY').map((c) => c.args)).toContain('--from=runtime-deps /app/node_modules ./node_modules');
  });

  it('copies a bundle that the build produces, and that answers /healthz started as CMD starts it', async () => {
    const bundle = await bundleDeployable({ entry: join(gatewayDir, 'src/main.ts'), outfile: join(outDir, 'build/index.mjs') });
    const appDir = join(outDir, 'app');
    await mkdir(appDir, { recursive: true });
    expect(copiedFromBuild.length).toBeGreaterThan(0);
    for (const source of copiedFromBuild) {
      expect(source.startsWith('/repo/functions/gateway/dist/'), source).toBe(true);
      await copyFile(join(outDir, 'build', basename(source)), join(appDir, basename(source)));
    }
    const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...new Set(bundle.sdkImports.map(({ path }) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/')))].sort());

    const cmd = JSON.parse(all(runtime, 'CMD').at(-1)!.args) as string[];
    const script = cmd.at(-1)!;
    expect(script).toBe(manifest.main);
    const server = await spawnServer(join(appDir, script), { path: '/healthz' }, { HOST: '127.0.0.1', PUSH_AUTH: 'none', LOG_LEVEL: 'silent' });
    try {
      const response = await fetch(`${server.origin}/healthz`);
      expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
    } finally {
      await server.stop();
    }
  });

  it('keeps the build context small: no node_modules, build outputs or git history', async () => {
    const ignored = (await readFile(join(repositoryRoot, '.dockerignore'), 'utf8')).split('\n').map((line) => line.trim());
    for (const pattern of ['**/node_modules', '**/dist', '.git']) expect(ignored).toContain(pattern);
  });
});
