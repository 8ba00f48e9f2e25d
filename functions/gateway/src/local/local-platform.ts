import { emulatorNames, localBot, startEmulators } from '@plaza/emulators';
import { loadConfig, startOutboxSweeper } from '@plaza/runtime';
import { startLocalTelegramWebhook, type LocalTelegramWebhook } from '@plaza/telegram-webhook';
import { createGateway } from '../create-gateway.ts';
import { gatewayConfigSchema } from '../gateway-config.ts';
import { platformModules } from '../platform-modules.ts';
import { createDemoMember } from './demo-member.ts';
import { ensureDashboardBuilt } from './dashboard-build.ts';
import { createFrontDoor } from './front-door.ts';
import { readHostingConfig } from './hosting-config.ts';
import { listen } from './listen.ts';
import { localPushEnv, subscribeGateway } from './local-push.ts';

export interface LocalPlatformOptions {
  /** The port of the one local URL; 0 picks a free one. */
  port: number;
  /** Emulator ports from firebase.json, or free ones (tests, a second copy beside a running one). */
  emulatorPorts: 'firebase.json' | 'free';
  /** A Firestore export (the emulators' JSON format) to load at start. */
  seedFile?: string;
}

export interface LocalPlatform {
  /** The dashboard, with the API under /api, as Firebase Hosting serves them. */
  url: string;
  /** The gateway itself, as Cloud Run would serve it. */
  gatewayUrl: string;
  /** What a client process needs to reach the emulators. */
  env: Record<string, string>;
  /** The Telegram webhook, serving the stand-in's built-in bot. */
  telegram: LocalTelegramWebhook;
  stop(): Promise<void>;
}

const localSweepIntervalMs = 5_000;

/**
 * The whole platform on one machine: the emulator suite, the gateway with every module, push
 * subscriptions pointing at it, the outbox sweeper, a demo member to sign in as, and the front
 * door serving the dashboard's static export (built first when its sources changed) and forwarding /api/** as firebase.json says. Everything runs in
 * this process except the Auth emulator, which the suite runs as a child.
 */
export async function startLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const emulators = await startEmulators({
    ...(options.emulatorPorts === 'free' ? { ports: Object.fromEntries(emulatorNames.map((name) => [name, 0])) } : {}),
    ...(options.seedFile ? { firestoreDataFile: options.seedFile } : {}),
  });
  // Stopped in reverse order of start: the front door first, the emulators last.
  const running: (() => Promise<void>)[] = [() => emulators.stop()];
  const stopAll = async (): Promise<void> => {
    for (const stop of running.reverse()) await stop();
  };
  try {
    const env = { ...emulators.env, ...localPushEnv(emulators.services.pubsub.host) };
    // The SDK clients read the emulator hosts from the process environment. Offline, their probe
    // of the GCE metadata server only fails after a delay and a warning, so it is switched off.
    Object.assign(process.env, env, { METADATA_SERVER_DETECTION: 'none' });
    // Nothing checks service identity between local processes.
    const config = loadConfig(gatewayConfigSchema, { TOPOLOGY_FORWARD_IDENTITY: 'none', ...process.env, PORT: '0' });
    // The stand-in's built-in bot sends notifications, /weather replies and deep links.
    process.env.TELEGRAM_BOT_TOKEN ??= localBot.token;
    process.env.TELEGRAM_BOT_USERNAME ??= localBot.username;
    const gateway = await listen(createGateway(config, platformModules).fetch, 0);
    running.push(gateway.close);
    const hosting = await readHostingConfig();
    await ensureDashboardBuilt(hosting.publicDir);
    const authEmulatorUrl = `http://${emulators.env.FIREBASE_AUTH_EMULATOR_HOST}`;
    const frontDoor = await listen(
      createFrontDoor({
        hosting,
        services: { gateway: gateway.origin },
        // Any key works on the emulator; authDomain is unused while the emulator handles sign-in.
        firebaseInit: { apiKey: 'local', authDomain: '127.0.0.1', projectId: config.GOOGLE_CLOUD_PROJECT, authEmulatorUrl },
        localOrigins: [authEmulatorUrl],
      }).fetch,
      options.port,
    );
    running.push(frontDoor.close);
    // Links in mail point at the dashboard; modules read APP_URL on first use, after this.
    process.env.APP_URL ??= frontDoor.origin;
    const telegram = await startLocalTelegramWebhook({ bot: localBot, appUrl: process.env.APP_URL, logLevel: config.LOG_LEVEL });
    running.push(telegram.close);
    await Promise.all([subscribeGateway(gateway.origin), createDemoMember()]);
    const sweeper = startOutboxSweeper({ intervalMs: config.OUTBOX_SWEEP_INTERVAL_MS || localSweepIntervalMs });
    running.push(() => sweeper.stop());
    let stopping: Promise<void> | undefined;
    return { url: frontDoor.origin, gatewayUrl: gateway.origin, env, telegram, stop: () => (stopping ??= stopAll()) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
