import type { TestProject } from 'vitest/node';
import { startEmulators } from '../src/launcher.ts';
import { emulatorDefinitions } from '../src/registry.ts';

/**
 * Starts the emulator suite once per `vitest run` and points clients at it through the same
 * variables production code reads. Vitest starts its test workers after global setup, and they
 * inherit this process's environment, so test files see these variables at import time.
 *
 * PLAZA_EMULATORS=external starts nothing and uses the variables as given, so the same
 * conformance tests run against Google's official emulators.
 */
export default async function setup(_project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.PLAZA_EMULATORS === 'external') {
    requireExternalEmulators();
    return undefined;
  }
  const suite = await startEmulators({
    ports: Object.fromEntries(emulatorDefinitions.map(({ name }) => [name, 0])),
  });
  Object.assign(process.env, suite.env);
  return () => suite.stop();
}

// Without these, the official clients would quietly reach real Google Cloud instead.
function requireExternalEmulators(): void {
  const missing = emulatorDefinitions.map(({ envVar }) => envVar).filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`PLAZA_EMULATORS=external needs ${missing.join(', ')} set to the running emulators`);
  }
}
