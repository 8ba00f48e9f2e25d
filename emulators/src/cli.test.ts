import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Firestore } from '@google-cloud/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulatorNames } from './registry.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

interface RunningCli {
  process: ChildProcess;
  env: Record<string, string>;
}

/** Runs the CLI until it prints its ready line, and reads back the variables it exported. */
async function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, ['--import', tsxLoader, cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (/^# ready .+ after start/m.test(stdout)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before ready:\n${stdout}${stderr}`)));
  });
  const env = Object.fromEntries([...stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map(([, name, value]) => [name, value]));
  return { process: child, env: env as Record<string, string> };
}

async function stopCli({ process: child }: RunningCli): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

let configFile: string;
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plaza-cli-'));
  configFile = join(directory, 'firebase.json');
  const anyPort = { host: '127.0.0.1', port: 0 };
  await writeFile(configFile, JSON.stringify({ emulators: Object.fromEntries(emulatorNames.map((name) => [name, anyPort])) }));
});

describe('the emulators CLI', () => {
  it('prints copy-pasteable variables for every service, serves them, and on SIGTERM exits 0 and frees the ports', async () => {
    const running = await startCli(['--config', configFile]);
    const addresses = ['FIRESTORE_EMULATOR_HOST', 'PUBSUB_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST'].map(
      (name) => running.env[name] ?? '',
    );
    expect(running.env.GCLOUD_PROJECT).toBe('demo-plaza');
    for (const address of addresses) {
      expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(await accepts(address)).toBe(true);
    }

    expect(await stopCli(running)).toBe(0);
    for (const address of addresses) expect(await canListenOn(address)).toBe(true);
  }, 60_000);

  it('exports Firestore data on exit and imports it at the next start', async () => {
    const dataFile = join(directory, 'firestore-export.json');
    const first = await startCli(['--config', configFile, '--only', 'firestore', '--export-on-exit', dataFile]);
    await withFirestore(first, (firestore) => firestore.doc('notes/kept').set({ text: 'survives a restart' }));
    expect(await stopCli(first)).toBe(0);

    const second = await startCli(['--config', configFile, '--only', 'firestore', '--import', dataFile]);
    const snapshot = await withFirestore(second, (firestore) => firestore.doc('notes/kept').get());
    expect(snapshot.data()).toEqual({ text: 'survives a restart' });
    expect(await stopCli(second)).toBe(0);
  }, 60_000);
});

async function withFirestore<T>(running: RunningCli, use: (firestore: Firestore) => Promise<T>): Promise<T> {
  const firestore = new Firestore({ projectId: 'demo-plaza', host: running.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  try {
    return await use(firestore);
  } finally {
    await firestore.terminate();
  }
}

function accepts(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function canListenOn(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(Number(port), host, () => server.close(() => resolve(true)));
  });
}
