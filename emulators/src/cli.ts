import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { startEmulators, type EmulatorSuite } from './launcher.ts';
import { emulatorNames, parseEmulatorNames } from './registry.ts';
import { formatShellExports } from './shell-exports.ts';

const usage = `Usage: npm run emulators -- [--only <names>] [--import <file>] [--export-on-exit <file>] [--config <firebase.json>]

Starts Plaza's emulators on the ports in firebase.json and prints the variables clients need.
  --only <names>           start only these, e.g. firestore,pubsub (of ${emulatorNames.join(', ')})
  --import <file>          load a Firestore export at start
  --export-on-exit <file>  write Firestore's data there on Ctrl-C or SIGTERM
  --config <file>          read the emulators' hosts and ports from this firebase.json`;

async function start(): Promise<{ suite: EmulatorSuite; exportFile?: string }> {
  const { values: flags } = parseArgs({
    options: {
      only: { type: 'string' },
      import: { type: 'string' },
      'export-on-exit': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (flags.help) {
    console.log(usage);
    process.exit(0);
  }
  const only = flags.only === undefined ? undefined : parseEmulatorNames(flags.only);
  const exportFile = flags['export-on-exit'];
  if ((flags.import || exportFile) && only && !only.includes('firestore')) {
    throw new Error('--import and --export-on-exit work on Firestore, which --only leaves out');
  }
  launchedAt = performance.now();
  const suite = await startEmulators({ only, firestoreDataFile: flags.import, configFile: flags.config });
  return { suite, exportFile };
}

let launchedAt = 0;

const { suite, exportFile } = await start().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

// performance.now() counts from process start, so these times include loading the code.
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const perService = Object.entries(suite.readyMs).map(([name, ms]) => `${name} ${seconds(launchedAt + ms)}`);
// Every line is valid shell, so the whole output can be pasted into a terminal.
console.log(formatShellExports(suite.env));
console.log(`# ready ${seconds(performance.now())} after start (${perService.join(', ')}); Ctrl-C stops`);

const [signal] = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
console.error(`# ${String(signal)}: stopping`);
if (exportFile) {
  await suite.services.firestore.exportData(exportFile);
  console.error(`# Firestore data written to ${exportFile}`);
}
await suite.stop();
// Clients may still hold connections open; the ports are released, so nothing is left to wait for.
process.exit(0);
