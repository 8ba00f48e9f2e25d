import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';

// Shared by this package's config and the root one: vitest does not nest projects, so the root
// lists these directly instead of pointing at this package's config.
const root = fileURLToPath(new URL('.', import.meta.url));

export const emulatorsProjects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'emulators:unit',
      root,
      include: ['src/**/*.test.ts'],
      // Unit tests start servers of their own. The official clients let these variables override
      // any host they are given, and another project's global setup sets them in a shared run.
      env: { FIRESTORE_EMULATOR_HOST: '', PUBSUB_EMULATOR_HOST: '', FIREBASE_AUTH_EMULATOR_HOST: '' },
    },
  },
  {
    test: {
      name: 'emulators:conformance',
      root,
      include: ['conformance/**/*.test.ts'],
      // The suite starts once per run; each file isolates itself by project id or resource name.
      globalSetup: ['conformance/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];
