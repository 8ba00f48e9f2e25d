import { defineConfig } from 'vitest/config';
import { emulatorsProjects } from './emulators/vitest.projects.ts';

export default defineConfig({
  test: {
    projects: [
      ...emulatorsProjects,
      { test: { name: 'pulumi', include: ['pulumi/src/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'release', include: ['scripts/**/*.test.ts'], testTimeout: 30_000 } },
      {
        // The dashboard's components and logic, in a DOM without a browser.
        esbuild: { jsx: 'automatic' },
        test: { name: 'hosting', include: ['hosting/src/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        // The dashboard end to end: each file starts the whole local platform and drives Debian's chromium.
        test: { name: 'dashboard:e2e', include: ['hosting/e2e/**/*.e2e.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
      },
      {
        test: {
          name: 'platform',
          include: ['libs/*/src/**/*.test.ts', 'functions/**/src/**/*.test.ts'],
          // Platform tests talk to the real emulator suite, started once per run.
          globalSetup: ['emulators/conformance/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
