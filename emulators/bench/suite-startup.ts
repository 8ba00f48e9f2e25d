import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorNames } from '../src/registry.ts';
import { spawnTypeScript } from './node-script.ts';

export interface SuiteStartup {
  /** From node's start until every service is ready, as the CLI reports it. */
  totalMs: number;
  /** From node's start until each service was ready. */
  serviceMs: Record<string, number>;
}

const cli = new URL('../src/cli.ts', import.meta.url);
const readyLine = /^# ready ([\d.]+) s after start \((.+)\)/m;

/** Launches the CLI in a fresh process, as `npm start` does, on free ports. */
export async function measureSuiteStartup(cliArgs: readonly string[] = []): Promise<SuiteStartup> {
  const child = spawnTypeScript(cli, ['--config', await freePortsConfig(), ...cliArgs]);
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk;
      const match = readyLine.exec(output);
      if (match) resolve(match);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before ready:\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;

  const serviceMs = Object.fromEntries(
    (ready[2] ?? '').split(', ').map((entry) => {
      const [name, seconds] = entry.split(' ');
      return [name, Number(seconds) * 1000];
    }),
  );
  return { totalMs: Number(ready[1]) * 1000, serviceMs };
}

async function freePortsConfig(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'plaza-bench-')), 'firebase.json');
  const emulators = Object.fromEntries(emulatorNames.map((name) => [name, { host: '127.0.0.1', port: 0 }]));
  await writeFile(file, JSON.stringify({ emulators }));
  return file;
}
