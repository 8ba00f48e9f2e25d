import { startEmulators } from '@plaza/emulators';
import { createService, loadConfig, serviceConfigSchema } from '@plaza/runtime';
import { afterAll } from 'vitest';
import { identityModule } from '../../index.ts';

process.env.METADATA_SERVER_DETECTION ??= 'none';

/**
 * The identity module in process, on the shared Auth emulator but with a Firestore engine of
 * this test file's own: the last-admin rule counts every admin in the access collection, so a
 * file that tests it cannot share that collection with files that make admins of their own.
 * Call it at the top level of the test file, before anything touches Firestore.
 */
export async function identityServiceWithOwnFirestore() {
  const suite = await startEmulators({ only: ['firestore'], ports: { firestore: 0 } });
  const shared = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = suite.env.FIRESTORE_EMULATOR_HOST;
  afterAll(async () => {
    process.env.FIRESTORE_EMULATOR_HOST = shared;
    await suite.stop();
  });
  const app = createService({
    name: 'identity-admin-test',
    config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'demo-plaza', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PUSH_AUTH: 'none' }),
    modules: [identityModule],
  });
  return {
    app,
    /** A request as `token`'s holder; `requestId` is sent as X-Request-Id. */
    call(path: string, { token, method = 'GET', requestId }: { token?: string; method?: string; requestId?: string } = {}) {
      return app.request(path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(requestId ? { 'x-request-id': requestId } : {}) },
      });
    },
  };
}

/**
 * Waits until the wall clock is in a later second than the token's `auth_time`. Firebase
 * compares whole seconds: a token issued in the same second as a revocation still counts, so a
 * test revoking a token it just minted waits for the next second first.
 */
export async function afterTokenSecond(token: string): Promise<void> {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { auth_time: number };
  const until = (payload.auth_time + 1) * 1000;
  while (Date.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now() + 5)));
}
