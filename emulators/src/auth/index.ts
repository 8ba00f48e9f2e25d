import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defaultProjectId } from '../project.ts';
import type { RunningService, ServiceOptions } from '../service.ts';
import type { AuthProcessInput, AuthProcessReport } from './messages.ts';

export interface AuthEmulatorOptions extends ServiceOptions {
  /** The project whose accounts `reset()` clears; clients may still use other project ids. */
  projectId?: string;
}

// The same loader `tsx` registers, resolved from here so the child finds it whatever its cwd.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
const serverProcess = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/**
 * Runs the Firebase Auth emulator from firebase-tools in a child process: building its app
 * compiles a large OpenAPI schema for seconds of CPU, which in-process would block every other
 * service starting beside it. (A worker thread would do too, but Node 20 gives workers none of
 * the parent's module hooks, and loading tsx inside one costs more than forking.)
 */
export async function startAuthEmulator(options: AuthEmulatorOptions = {}): Promise<RunningService> {
  const input: AuthProcessInput = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    projectId: options.projectId ?? defaultProjectId,
  };
  const child = fork(serverProcess, [JSON.stringify(input)], { execArgv: ['--import', tsxLoader] });
  const port = await listeningPort(child);
  const address = `${input.host.includes(':') ? `[${input.host}]` : input.host}:${port}`;
  let stopping: Promise<void> | undefined;

  return {
    port,
    host: address,
    env: { FIREBASE_AUTH_EMULATOR_HOST: address },
    async reset() {
      const url = `http://${address}/emulator/v1/projects/${input.projectId}/accounts`;
      const response = await fetch(url, { method: 'DELETE' });
      if (!response.ok) throw new Error(`Auth emulator reset failed: ${response.status} ${await response.text()}`);
    },
    stop() {
      stopping ??= stopProcess(child);
      return stopping;
    },
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void): void => {
      child.off('message', onReport).off('error', onError).off('exit', onExit);
      outcome();
    };
    const fail = (message: string, code?: string): void =>
      settle(() => {
        child.kill();
        reject(Object.assign(new Error(`The Auth emulator could not start: ${message}`), { code }));
      });
    const onReport = (report: AuthProcessReport): void => {
      if (report.kind === 'listening') settle(() => resolve(report.port));
      else fail(report.message, report.code);
    };
    const onError = (error: Error): void => fail(error.message);
    const onExit = (code: number | null, signal: string | null): void =>
      fail(`its process exited (${signal ?? code}) before listening`);
    child.on('message', onReport).on('error', onError).on('exit', onExit);
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // Disconnecting is the child's cue to exit; a terminal's Ctrl-C may already have cut the channel.
  if (child.connected) child.disconnect();
  else child.kill();
  await exited;
}
