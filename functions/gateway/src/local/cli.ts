import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { localBotWalkthrough } from '@plaza/telegram-webhook';
import { demoMemberWalkthrough } from './demo-member.ts';
import { startLocalPlatform } from './local-platform.ts';

const usage = `Usage: npm start -- [--port <n>] [--free-ports] [--import <file>]

Runs Plaza on this machine: the emulator suite, the gateway, push subscriptions, the outbox
sweeper, and the dashboard with the API under /api on one URL.
  --port <n>       the one URL's port (default 5000, Firebase Hosting's emulator port; 0 picks one)
  --free-ports     run the emulators on free ports instead of firebase.json's
  --import <file>  load a Firestore export at start (as written by: npm run emulators -- --export-on-exit <file>)`;

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string', default: '5000' },
    'free-ports': { type: 'boolean', default: false },
    import: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}

const platform = await startLocalPlatform({
  port: Number(flags.port),
  emulatorPorts: flags['free-ports'] ? 'free' : 'firebase.json',
  ...(flags.import ? { seedFile: flags.import } : {}),
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

// Every line is valid shell, so the block can be pasted into another terminal.
console.log(Object.entries(platform.env).map(([name, value]) => `export ${name}=${value}`).join('\n'));
console.log(`# gateway ${platform.gatewayUrl}`);
console.log(`# mailbox ${platform.env.PLAZA_MAILBOX_URL ?? '(not running)'}: every email Plaza sends lands here; open it to click the links`);
console.log(demoMemberWalkthrough(platform.url, platform.env.FIREBASE_AUTH_EMULATOR_HOST ?? ''));
console.log(localBotWalkthrough(platform.env.TELEGRAM_API_ROOT ?? '', platform.telegram));
console.log(`# Plaza is running at ${platform.url} (API under ${platform.url}/api); Ctrl-C stops`);

const [signal] = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
console.error(`# ${String(signal)}: stopping`);
await platform.stop();
// Clients may still hold connections to the emulators; every port is released, so leave now.
process.exit(0);
