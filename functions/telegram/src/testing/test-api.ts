import { serve } from '@hono/node-server';
import { identityModule } from '@plaza/identity';
import { createService, loadConfig, serviceConfigSchema, type Consumer, type PlazaModule } from '@plaza/runtime';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { emulatorPushEnv } from './push-env.ts';

/**
 * The public API a member uses beside the bot, as the gateway serves it (createService with the
 * modules' routes): identity for /v1/me, plus whatever modules a test adds. On 127.0.0.1, stopped
 * after the file.
 */
export async function startTestApi(modules: readonly PlazaModule[] = [], consumers: readonly Consumer[] = []): Promise<string> {
  const config = loadConfig(serviceConfigSchema, { ...process.env, ...emulatorPushEnv(), LOG_LEVEL: 'silent', PORT: '0' });
  const app = createService({ name: 'telegram-test-api', config, modules: [identityModule, ...modules], consumers });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
