/**
 * The host:port of an emulator under test, from the variable the official clients read.
 * global-setup.ts sets it before the test files load; with PLAZA_EMULATORS=external the developer
 * points it at Google's official emulator. Without it the clients would quietly reach production,
 * so its absence fails loudly.
 */
export function emulatorHost(envVar: 'FIRESTORE_EMULATOR_HOST' | 'PUBSUB_EMULATOR_HOST' | 'FIREBASE_AUTH_EMULATOR_HOST'): string {
  const host = process.env[envVar];
  if (!host) {
    throw new Error(
      `${envVar} is not set: run through \`vitest --project emulators:conformance\` ` +
        '(global-setup.ts starts the suite) or export it to point at a running emulator',
    );
  }
  return host;
}
