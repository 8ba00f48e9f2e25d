import { ensureTopology, loadConfig, pubsub } from '@plaza/runtime';
import { afterAll } from 'vitest';
import { createGateway } from '../create-gateway.ts';
import { gatewayConfigSchema } from '../gateway-config.ts';
import { listen, type Listening } from '../local/listen.ts';
import { localPushEnv } from '../local/local-push.ts';

// Offline, the Google clients' probe of the GCE metadata server fails only after a delay.
process.env.METADATA_SERVER_DETECTION ??= 'none';

/**
 * A gateway on 127.0.0.1 with a free port, configured from the environment the emulator suite's
 * global setup exported, push verification as `npm start` sets it, and `overrides` on top.
 * The event topics exist; it stops after the test file.
 */
export async function startTestGateway(overrides: Record<string, string> = {}): Promise<Listening> {
  const pubsubHost = process.env.PUBSUB_EMULATOR_HOST;
  if (!pubsubHost) throw new Error('PUBSUB_EMULATOR_HOST is not set: run through the platform project');
  const config = loadConfig(gatewayConfigSchema, {
    ...process.env,
    ...localPushEnv(pubsubHost),
    LOG_LEVEL: 'silent',
    ...overrides,
    PORT: '0',
  });
  const gateway = await listen(createGateway(config).fetch, 0);
  afterAll(gateway.close);
  // The topics only: events the routes emit then publish cleanly, while the push subscriptions
  // stay with the test that subscribes its gateway.
  await ensureTopology(await pubsub(), { pushBaseUrl: gateway.origin, subscriptions: [] });
  return gateway;
}

export function bearer(idToken: string): Record<string, string> {
  return { authorization: `Bearer ${idToken}` };
}
