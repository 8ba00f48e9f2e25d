import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBundle, bundleDeployable } from '../scripts/bundle.ts';
import { startLocalPlatform } from '../src/local/local-platform.ts';
import { signUpUser } from '@plaza/runtime/testing';
import { measureColdStarts, type ColdStartTarget } from './cold-start.ts';
import { measureEventLatency } from './event-latency.ts';
import { machine, markdownTable, milliseconds, percent, rate, ratio, writeSection, type Row } from '@plaza/emulators/bench/report';
import { spawnServer, type SpawnedServer } from './spawn-server.ts';
import { median } from '@plaza/emulators/bench/stats';
import { measureThroughput } from './throughput.ts';

const { values: flags } = parseArgs({
  options: {
    'cold-starts': { type: 'string', default: '7' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    events: { type: 'string', default: '100' },
  },
});
const bounded = (value: string | undefined, max: number): number => Math.min(Math.max(Number(value) || 1, 1), max);
const coldStarts = bounded(flags['cold-starts'], 21);
const runs = bounded(flags.runs, 10);
const seconds = bounded(flags.seconds, 30);
const eventCount = bounded(flags.events, 1000);
const log = (message: string): void => console.error(`# ${message}`);
const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

log('bundling the gateway and the baselines with the same esbuild settings');
const gateway = (await bundleDeployable({ entry: path('../src/main.ts'), outfile: path('../dist/index.mjs') })).outfile;
const helloWorld = path('../dist/bench/hello-world.mjs');
const eagerSdks = path('../dist/bench/eager-sdks-hello-world.mjs');
await buildBundle({ entry: path('./hello-world.ts'), outfile: helloWorld });
await buildBundle({ entry: path('./eager-sdks-hello-world.ts'), outfile: eagerSdks });

log('starting the local platform (emulators, gateway, subscriptions, sweeper)');
// The in-process gateway's access log would drown the report; the spawned servers still log.
process.env.LOG_LEVEL ??= 'warn';
const platform = await startLocalPlatform({ port: 0, emulatorPorts: 'free' });
try {
  const member = await signUpUser({ displayName: 'Bench' });
  const auth = { authorization: `Bearer ${member.idToken}` };
  const serverEnv = {
    ...platform.env,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info', // the access log is part of the middleware a request pays for
    RATE_LIMIT_PER_MINUTE: '1000000000', // the limiter still runs, it just never says no
    METADATA_SERVER_DETECTION: 'none',
  };

  log(`cold starts: ${coldStarts} fresh processes per target`);
  const targets: ColdStartTarget[] = [
    { label: 'hello', file: helloWorld, probe: { path: '/healthz' } },
    { label: 'eager', file: eagerSdks, probe: { path: '/healthz' } },
    { label: 'healthz', file: gateway, probe: { path: '/healthz' } },
    { label: 'permissions', file: gateway, probe: { path: '/v1/me/permissions', headers: auth } },
    { label: 'me', file: gateway, probe: { path: '/v1/me', headers: auth } },
  ];
  const cold = await measureColdStarts(targets, serverEnv, coldStarts);
  const coldMedian = (label: string): number => median(cold.get(label)!);

  log(`throughput: ${runs} runs of ${seconds} s per target, 10 connections`);
  const servers: Record<'hello' | 'gateway', SpawnedServer> = {
    hello: await spawnServer(helloWorld, { path: '/healthz' }, serverEnv),
    gateway: await spawnServer(gateway, { path: '/healthz' }, serverEnv),
  };
  const loads = [
    { label: 'hello', url: `${servers.hello.origin}/hello`, headers: {} },
    { label: 'healthz', url: `${servers.gateway.origin}/healthz`, headers: {} },
    { label: 'permissions', url: `${servers.gateway.origin}/v1/me/permissions`, headers: auth },
  ];
  const throughput = new Map(loads.map(({ label }) => [label, [] as number[]]));
  try {
    for (const load of loads) await measureThroughput(load.url, load.headers, 1); // warm-up: JIT, lazy SDKs, token cache
    for (let run = 0; run < runs; run++) {
      for (const load of loads) throughput.get(load.label)!.push((await measureThroughput(load.url, load.headers, seconds)).requestsPerSecond);
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  const rps = (label: string): number => median(throughput.get(label)!);

  log(`events: ${eventCount} events, one at a time`);
  const events = await measureEventLatency(eventCount);

  const rows: Row[] = [
    { measurement: 'Cold start, hello-world Hono on @hono/node-server → first 200 on /healthz', result: milliseconds(coldMedian('hello')) },
    { measurement: 'Cold start, hello-world + eager firebase-admin and pubsub imports (what lazy loading avoids)', result: `${milliseconds(coldMedian('eager'))} (${ratio(coldMedian('eager') / coldMedian('hello'))})` },
    { measurement: 'Cold start, gateway bundle → first 200 on /healthz', result: `${milliseconds(coldMedian('healthz'))} (${ratio(coldMedian('healthz') / coldMedian('hello'))})`, target: '≤ 1.5× hello-world' },
    { measurement: 'Cold start, gateway bundle → first 200 on /v1/me/permissions (verifies the ID token; no database)', result: `${milliseconds(coldMedian('permissions'))} (${ratio(coldMedian('permissions') / coldMedian('hello'))})` },
    { measurement: 'Cold start, gateway bundle → first 200 on /v1/me (token and a Firestore read)', result: `${milliseconds(coldMedian('me'))} (${ratio(coldMedian('me') / coldMedian('hello'))})` },
    { measurement: 'Throughput, hello-world `GET /hello`', result: rate(rps('hello'), 'req') },
    { measurement: 'Throughput, gateway `GET /healthz` (full middleware stack, anonymous)', result: `${rate(rps('healthz'), 'req')} (${percent(rps('healthz') / rps('hello'))})` },
    { measurement: 'Throughput, gateway `GET /v1/me/permissions` (authenticated, no database)', result: `${rate(rps('permissions'), 'req')} (${percent(rps('permissions') / rps('hello'))})`, target: '≥ 50% of hello-world' },
    { measurement: `Event latency, outbox commit → consumer committed, p50 (${events.count} events, one at a time)`, result: milliseconds(events.p50Ms) },
    { measurement: `Event latency, outbox commit → consumer committed, p99 (${events.count} events, one at a time)`, result: milliseconds(events.p99Ms) },
  ];
  const table = markdownTable(rows);
  console.log(table);
  const date = new Date().toISOString().slice(0, 10);
  await writeSection(
    new URL('../../../docs/benchmarks.md', import.meta.url),
    'backbone',
    `## Backbone

Reproduce with \`npm run bench\` (this part: \`npm run bench -w functions/gateway\`, which runs
\`functions/gateway/bench/run.ts\`). Measured on ${date} on ${machine()}, with the machine shared by
other work, so expect noise; every number is from one run of the script, side by side.

- **Cold start**: a fresh \`node <bundle>\` per measurement, timed from spawn to the first 200 on the
  route (polled every 2 ms), median of ${coldStarts} per target, the targets taking turns. Every
  server is bundled by \`functions/gateway/scripts/bundle.ts\` (esbuild, one minified ESM file, the
  Google SDKs external and imported on first use). Ratios are to the hello-world median.
- **Throughput**: autocannon, 10 connections, ${seconds} s per run, median of ${runs} runs after a 1 s
  warm-up, all on 127.0.0.1 with the load generator on the same 2 cores. The gateway logs every
  request (to /dev/null) and runs its rate limiters with a limit too high to trip.
- **Events**: the \`npm start\` stack in this process; a use case commits userRegistered through
  the outbox, Pub/Sub pushes it with an emulator-signed OIDC token, the notifications consumer
  commits the welcome item. Latency is between the two Firestore commit times.

${table}
`,
  );
  log('written to docs/benchmarks.md');
} finally {
  await platform.stop();
}
process.exit(0);
