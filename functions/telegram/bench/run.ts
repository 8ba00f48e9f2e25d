import { emulatorNames, localBot, startEmulators } from '@plaza/emulators';
import { machine, markdownTable, milliseconds, ratio, writeSection, type Row } from '@plaza/emulators/bench/report';
import { median } from '@plaza/emulators/bench/stats';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureColdStarts } from '../../gateway/bench/cold-start.ts';
import { spawnServer } from '../../gateway/bench/spawn-server.ts';
import { buildBundle } from '../../gateway/scripts/bundle.ts';
import { buildTelegramWebhook } from '../scripts/build.ts';

// The Telegram webhook's cold start, measured as the gateway's is (functions/gateway/bench).
const { values: flags } = parseArgs({ options: { 'cold-starts': { type: 'string', default: '7' } } });
const coldStarts = Math.min(Math.max(Number(flags['cold-starts']) || 1, 1), 21);
const log = (message: string): void => console.error(`# ${message}`);
const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

log('bundling the webhook, its host and the hello-world baseline with the same esbuild settings');
const bundle = await buildTelegramWebhook();
const host = path('../dist/bench/function-host.mjs');
const helloWorld = path('../dist/bench/hello-world.mjs');
await buildBundle({ entry: path('./function-host.ts'), outfile: host });
await buildBundle({ entry: path('../../gateway/bench/hello-world.ts'), outfile: helloWorld });

log('starting the emulator suite on free ports');
const emulators = await startEmulators({ ports: Object.fromEntries(emulatorNames.map((name) => [name, 0])) });
try {
  const secret = 'bench-webhook-secret';
  const env = {
    ...emulators.env,
    METADATA_SERVER_DETECTION: 'none',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: localBot.token,
    TELEGRAM_BOT_USERNAME: localBot.username,
    TELEGRAM_WEBHOOK_SECRET: secret,
  };

  log(`cold starts: ${coldStarts} fresh processes per target`);
  const cold = await measureColdStarts(
    [
      { label: 'hello', file: helloWorld, probe: { path: '/healthz' } },
      { label: 'healthz', file: host, probe: { path: '/healthz' } },
    ],
    env,
    coldStarts,
  );

  // Spawn to the first update answered: ready on /healthz, then one /help from an unlinked chat
  // (claim its update_id in Firestore, look the chat up, answer with a webhook reply).
  const firstUpdate: number[] = [];
  for (let run = 0; run < coldStarts; run++) {
    const server = await spawnServer(host, { path: '/healthz' }, env);
    const chatId = randomInt(100_000_000, 2_000_000_000);
    const update = {
      update_id: randomInt(1, 2 ** 31),
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), from: { id: chatId, is_bot: false, first_name: 'Bench' }, chat: { id: chatId, type: 'private' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] },
    };
    const sent = performance.now();
    const response = await fetch(`${server.origin}/`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    const reply = await response.text();
    const answeredMs = performance.now() - sent;
    await server.stop();
    if (response.status !== 200 || !reply.includes('sendMessage')) throw new Error(`the first update got ${response.status} ${reply}`);
    firstUpdate.push(server.readyMs + answeredMs);
  }

  const hello = median(cold.get('hello')!);
  const healthz = median(cold.get('healthz')!);
  const update = median(firstUpdate);
  const rows: Row[] = [
    { measurement: 'Cold start, hello-world Hono on @hono/node-server → first 200 on /healthz', result: milliseconds(hello) },
    { measurement: `Cold start, webhook bundle (${Math.round(bundle.bytes / 1024)} KiB) → first 200 on /healthz`, result: `${milliseconds(healthz)} (${ratio(healthz / hello)})`, target: '≤ 1.5× hello-world' },
    { measurement: 'Cold start, webhook bundle → first update answered (/help: update_id claimed in Firestore, link looked up, webhook reply)', result: `${milliseconds(update)} (${ratio(update / hello)})` },
  ];
  const table = markdownTable(rows);
  console.log(table);
  await writeSection(
    new URL('../../../docs/benchmarks.md', import.meta.url),
    'telegram',
    `## Telegram webhook

Reproduce with \`node --import tsx functions/telegram/bench/run.ts\`. Measured on ${new Date().toISOString().slice(0, 10)} on ${machine()}, with the machine shared by
other work, so expect noise.

- **Method**: the gateway's (\`functions/gateway/bench/cold-start.ts\`, \`spawn-server.ts\`): a fresh
  \`node <bundle>\` per measurement, timed from spawn to the first 200, polled every 2 ms, median of
  ${coldStarts}, the targets taking turns. The webhook is bundled by \`functions/telegram/scripts/build.ts\`
  (the gateway's \`bundle.ts\`) and served by \`functions/telegram/bench/function-host.ts\`: a Node HTTP
  server calling the exported \`telegramWebhook\`, as the Functions Framework does (its Express layer,
  the same for every function, is not part of it).
- **First update**: spawn to the answer of one \`/help\` update: ready on /healthz, then the POST,
  which loads firebase-admin/firestore, claims the update_id and looks the chat up on the emulator suite.
- **Reading it**: the first update is dominated by loading firebase-admin/firestore (lazy, as in the
  gateway's \`/v1/me\` row); a Telegram webhook's first request is always an update, so that row is
  the cold start Telegram sees. The bundle leaves grammY's node-fetch out (Node's own fetch, 300 KiB
  less). The /healthz ratio moves between about 1.7× and 1.9× from run to run on this shared machine,
  over the 1.5× target, as the gateway's does.

${table}
`,
  );
  log('written to docs/benchmarks.md');
} finally {
  await emulators.stop();
}
process.exit(0);
