import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthProcessInput, AuthProcessReport } from './messages.ts';

const send = process.send?.bind(process);
if (!send) throw new Error('auth/server-process.ts runs only as a child of startAuthEmulator');
const report = (message: AuthProcessReport): void => void send(message);
const input = JSON.parse(process.argv[2] ?? '') as AuthProcessInput;

// The parent stops us by disconnecting, and a parent that dies disconnects too: never an orphan holding the port.
process.on('disconnect', () => process.exit(0));

// firebase-tools' app on our own server, not AuthEmulator.start(): start() ignores port 0 and never
// reports listen errors. Binding before loading and building the app (seconds of loop-blocking CPU)
// makes a taken port fail at once.
let app: RequestListener | undefined;
const server = createServer((request, response) =>
  app ? app(request, response) : response.writeHead(503).end('The Auth emulator is starting'),
);

try {
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port, input.host, () => resolve((server.address() as AddressInfo).port));
  });
  const { createApp } = await import('firebase-tools/lib/emulator/auth/server.js');
  app = await createApp(input.projectId);
  report({ kind: 'listening', port });
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException;
  report({ kind: 'failed', message: message ?? String(error), code });
}
