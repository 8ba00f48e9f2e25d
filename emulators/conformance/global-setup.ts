import type { TestProject } from 'vitest/node';
import { startEmulators } from '../src/launcher.ts';
import { emulatorDefinitions, emulatorNames, parseEmulatorNames, type EmulatorName } from '../src/registry.ts';

/**
 * Starts the emulator suite once per `vitest run` and points clients at it through the same
 * variables production code reads. Vitest starts its test workers after global setup, and they
 * inherit this process's environment (checked with both the forks and threads pools), so test
 * files see these variables even at import time.
 *
 * PLAZA_EMULATORS=external starts nothing and uses the variables as given, so the same
 * conformance tests run against Google's official emulators.
 * PLAZA_EMULATORS_ONLY=firestore,pubsub starts only those: the Auth emulator takes seconds of
 * CPU to start, which a run of Firestore or Pub/Sub tests alone need not wait for.
 */
export default async function setup(_project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const only = process.env.PLAZA_EMULATORS_ONLY;
  const names = only ? parseEmulatorNames(only) : emulatorNames;
  if (process.env.PLAZA_EMULATORS === 'external') {
    requireExternalEmulators(names);
    return undefined;
  }
  const suite = await startEmulators({ only: names, ports: Object.fromEntries(names.map((name) => [name, 0])) });
  Object.assign(process.env, suite.env);
  return () => suite.stop();
}

// Without these, the official clients would quietly reach real Google Cloud instead.
function requireExternalEmulators(names: readonly EmulatorName[]): void {
  const missing = emulatorDefinitions
    .filter(({ name }) => names.includes(name))
    .map(({ envVar }) => envVar)
    .filter((envVar) => !process.env[envVar]);
  if (missing.length > 0) {
    throw new Error(`PLAZA_EMULATORS=external needs ${missing.join(', ')} set to the running emulators`);
  }
}
