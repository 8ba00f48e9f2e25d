import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'emulators:unit',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'emulators:conformance',
          include: ['conformance/**/*.test.ts'],
          // The suite starts once per run; each file isolates itself by project id or resource name.
          globalSetup: ['conformance/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
