import { defineConfig } from 'vitest/config';
import { emulatorsProjects } from './emulators/vitest.projects.ts';

export default defineConfig({
  test: {
    projects: [
      ...emulatorsProjects,
      { test: { name: 'pulumi', include: ['pulumi/src/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'release', include: ['scripts/**/*.test.ts'], testTimeout: 30_000 } },
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
