import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/** Starts a TypeScript file of this package in a fresh node, as `npm start` would. */
export function spawnTypeScript(file: URL, args: readonly string[] = []): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', tsxLoader, fileURLToPath(file), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a probe that prints one JSON line, and returns it parsed. */
export async function runProbe<T>(file: URL): Promise<T> {
  const child = spawnTypeScript(file);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${fileURLToPath(file)} exited ${code}:\n${stderr}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;
}
