import { parseArgs } from 'node:util';
import { startEmulators } from '../src/launcher.ts';
import { measureFirestoreThroughput } from './firestore-throughput.ts';
import { runProbe } from './node-script.ts';
import { measureDelivery, type DeliveryMode } from './pubsub-delivery.ts';
import { machine, markdownTable, milliseconds, rate, seconds, writeSection, type Row } from './report.ts';
import { median, repeat } from './stats.ts';
import { measureSuiteStartup } from './suite-startup.ts';

// Offline, the Google clients' probe of the GCE metadata server only fails after a delay;
// gcp-metadata's documented switch turns it off so it does not blur the numbers.
process.env.METADATA_SERVER_DETECTION ??= 'none';

const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.min(Math.max(Number(flags.runs) || 3, 1), 10);
const log = (message: string): void => console.error(`# ${message}`);

log(`suite launch, ${runs} fresh processes`);
const startups = await repeat(runs, () => measureSuiteStartup());
log(`suite launch without Auth, ${runs} fresh processes`);
const enginesOnly = await repeat(runs, () => measureSuiteStartup(['--only', 'firestore,pubsub']));
const startupMedian = (name: string): number => median(startups.map((startup) => startup.serviceMs[name] ?? NaN));

log(`the same launch with firebase-tools' AuthEmulator in-process, ${runs} fresh processes`);
const inProcessProbe = new URL('./probes/auth-in-process.ts', import.meta.url);
const inProcess = await repeat(runs, () => runProbe<Record<'firestore' | 'pubsub' | 'auth', number>>(inProcessProbe));
const inProcessMedian = (name: 'firestore' | 'pubsub' | 'auth'): number => median(inProcess.map((probe) => probe[name]));

log('Firestore and Pub/Sub throughput');
const engines = await startEmulators({ only: ['firestore', 'pubsub'], ports: { firestore: 0, pubsub: 0 } });
const firestore = await repeat(runs, (run) => measureFirestoreThroughput(engines.services.firestore.host, run));
const delivery = async (mode: DeliveryMode) => repeat(runs, (run) => measureDelivery(engines.services.pubsub.host, mode, run));
const pull = await delivery('pull');
const push = await delivery('push');
await engines.stop();

const medianOf = <T>(results: readonly T[], pick: (result: T) => number): number => median(results.map(pick));
const deliveryRows = (label: string, results: Awaited<ReturnType<typeof delivery>>): Row[] => [
  { measurement: `Pub/Sub ${label}: publish → deliver p50 (one at a time)`, result: milliseconds(medianOf(results, (r) => r.p50Ms)) },
  { measurement: `Pub/Sub ${label}: publish → deliver p99 (one at a time)`, result: milliseconds(medianOf(results, (r) => r.p99Ms)) },
  { measurement: `Pub/Sub ${label}: 1,000 messages, 64 publishes in flight`, result: rate(medianOf(results, (r) => r.messagesPerSecond), 'msg') },
];

const rows: Row[] = [
  { measurement: 'Suite launch → all ready (`npm run emulators`, from node start)', result: seconds(median(startups.map((s) => s.totalMs))), target: '< 5 s' },
  { measurement: 'Firestore ready', result: seconds(startupMedian('firestore')), target: '< 1 s' },
  { measurement: 'Pub/Sub ready', result: seconds(startupMedian('pubsub')), target: '< 1 s' },
  { measurement: 'Auth ready (own child process, beside the engines)', result: seconds(startupMedian('auth')) },
  {
    measurement: 'Suite launch → all ready without Auth (`npm run emulators -- --only firestore,pubsub`)',
    result: seconds(median(enginesOnly.map((s) => s.totalMs))),
    target: '< 1 s',
  },
  { measurement: 'Before: Auth ready, firebase-tools `AuthEmulator` in-process', result: seconds(inProcessMedian('auth')) },
  { measurement: 'Before: Firestore ready beside an in-process Auth', result: seconds(inProcessMedian('firestore')) },
  { measurement: 'Before: Pub/Sub ready beside an in-process Auth', result: seconds(inProcessMedian('pubsub')) },
  { measurement: 'Firestore set, 1,000 docs, 32 in flight', result: rate(medianOf(firestore, (r) => r.setPerSecond), 'op') },
  { measurement: 'Firestore get, 1,000 docs, 32 in flight', result: rate(medianOf(firestore, (r) => r.getPerSecond), 'op') },
  { measurement: 'Firestore query (100 of 1,000 docs each), 32 in flight', result: rate(medianOf(firestore, (r) => r.queryPerSecond), 'op') },
  ...deliveryRows('streaming pull', pull),
  ...deliveryRows('push to 127.0.0.1', push),
];

const table = markdownTable(rows);
console.log(table);

const date = new Date().toISOString().slice(0, 10);
await writeSection(
  new URL('../../docs/benchmarks.md', import.meta.url),
  'emulators',
  `## Emulators

Reproduce with \`npm run bench\` (runs \`emulators/bench/run.ts\`; \`npm run bench -w emulators -- --runs N\` sets the number of runs).
Median of ${runs} run${runs === 1 ? '' : 's'} on ${date}, on ${machine()}, shared with other work at the
time, so expect noise. Servers listen on 127.0.0.1 and the clients are the official ones
(\`@google-cloud/firestore\`, \`@google-cloud/pubsub\`). Ready times count from the start of the node
process. The "Before" rows start firebase-tools' own \`AuthEmulator\` in the same process as the
engines, as a naive suite would.

${table}

The Auth emulator is the long pole. Building its app compiles a JSON-schema validator for every
parameter of its OpenAPI spec; a \`node --cpu-prof\` profile puts about 80% of that time in ajv compiling
its meta-schema again for each validator. firebase-tools has no option to make that lazy and nothing
to cache it; a V8 startup snapshot of the built app (\`node --build-snapshot\`) fails inside express's
dependencies (depd reads call sites, which a snapshot build does not have), so it would take patching
them. The suite runs it in a child process beside the engines instead (the engines' event loop is
never blocked by it, and a taken port fails at once because it binds first), once per test run
through the conformance global setup. \`npm run emulators -- --only firestore,pubsub\` and
\`PLAZA_EMULATORS_ONLY=firestore,pubsub\` leave it out when it is not needed.
`,
);
log('written to docs/benchmarks.md');
