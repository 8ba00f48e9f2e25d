import type { StackConfig } from '../config.ts';
import { parseStackConfig } from '../config.ts';
import { mockProject } from './mock-cloud.ts';

export const testImage = `europe-west1-docker.pkg.dev/${mockProject}/plaza/gateway@sha256:${'a'.repeat(64)}`;

/** A valid stack config as Pulumi would hand it over (flat keys, JSON objects), with overrides. */
export function testConfig(overrides: Record<string, unknown> = {}): StackConfig {
  const flat: Record<string, unknown> = {
    'gcp:project': mockProject,
    'gcp:region': 'europe-west1',
    'plaza:gatewayImage': testImage,
    'plaza:settings': { APP_URL: 'https://plaza-test.web.app', MAIL_FROM: 'Plaza <no-reply@plaza.test>', FIREBASE_API_KEY: 'test-key' },
    'plaza:alerts': { email: 'ops@plaza.test' },
    'plaza:githubRepository': 'plaza-org/plaza',
    'plaza:deletionProtection': false,
    ...overrides,
  };
  return parseStackConfig(
    Object.fromEntries(
      Object.entries(flat)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    ),
  );
}
