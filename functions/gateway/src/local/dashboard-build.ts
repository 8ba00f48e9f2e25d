import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
/** What the static export is made from: the dashboard's sources and the libraries it bundles. */
const sources = ['hosting/app', 'hosting/src', 'hosting/next.config.ts', 'hosting/package.json', 'libs/api-client/src', 'libs/contracts/src'];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry.name))));
  return Math.max(info.mtimeMs, ...times);
}

/** Whether `publicDir` holds an export at least as new as every source it is built from. */
export async function dashboardIsCurrent(publicDir: string): Promise<boolean> {
  const built = await stat(join(publicDir, 'index.html')).catch(() => undefined);
  if (!built) return false;
  const changed = await Promise.all(sources.map((source) => newestChange(join(repository, source))));
  return built.mtimeMs >= Math.max(...changed);
}

/**
 * Builds the dashboard's static export (`npm run build -w hosting`) unless it is current, so
 * `npm start` serves what the sources say. The build's output goes to stderr, beside the logs.
 */
export async function ensureDashboardBuilt(publicDir: string): Promise<void> {
  if (await dashboardIsCurrent(publicDir)) return;
  console.error('# building the dashboard (npm run build -w hosting)…');
  const build = spawn('npm', ['run', 'build', '-w', 'hosting'], {
    cwd: repository,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const code = await new Promise<number | null>((resolve, reject) => build.once('error', reject).once('exit', resolve));
  if (code !== 0) throw new Error(`The dashboard did not build (npm run build -w hosting exited ${code}); its output is above`);
}
