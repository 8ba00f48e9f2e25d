import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from 'firebase-tools/lib/emulator/auth/server.js';
import type { AuthProcessInput, AuthProcessReport } from './messages.ts';

const send = process.send?.bind(process);
if (!send) throw new Error('auth/server-process.ts runs only as a child of startAuthEmulator');
const report = (message: AuthProcessReport): void => void send(message);
const input = JSON.parse(process.argv[2] ?? '') as AuthProcessInput;

// The parent stops us by disconnecting, and a parent that dies disconnects too: never an orphan holding the port.
process.on('disconnect', () => process.exit(0));

try {
  // createApp, not AuthEmulator.start(): start() ignores port 0 and never reports listen errors.
  const server = createServer(await createApp(input.projectId));
  server.once('error', (error: NodeJS.ErrnoException) => report({ kind: 'failed', message: error.message, code: error.code }));
  server.listen(input.port, input.host, () => report({ kind: 'listening', port: (server.address() as AddressInfo).port }));
} catch (error) {
  report({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
