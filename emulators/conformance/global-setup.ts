import type { TestProject } from 'vitest/node';
import { startEmulators, type EmulatorSuite } from '../src/launcher.ts';
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
  // Offline, the Google clients would otherwise probe for a GCE metadata server and warn on every client.
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  const only = process.env.PLAZA_EMULATORS_ONLY;
  const names = only ? parseEmulatorNames(only) : emulatorNames;
  if (process.env.PLAZA_EMULATORS === 'external') {
    // Google ships no emulator for outside services (SMTP, ...): unless their variables point
    // elsewhere, our stand-ins start beside the external emulators.
    const standIns = names.filter((name) => !googleEmulators.has(name) && !process.env[envVarOf(name)]);
    requireExternalEmulators(names.filter((name) => !standIns.includes(name)));
    return standIns.length > 0 ? useSharedSuite(standIns, { keepSetVariables: true }) : undefined;
  }
  return useSharedSuite(names);
}

const googleEmulators: ReadonlySet<EmulatorName> = new Set(['firestore', 'pubsub', 'auth']);

function envVarOf(name: EmulatorName): string {
  return emulatorDefinitions.find((definition) => definition.name === name)?.envVar ?? '';
}

// Several projects (emulators:conformance, platform) name this file, and vitest runs it once per
// project, each time as a fresh module: the suite lives on globalThis so one run starts it once.
const sharedKey = Symbol.for('plaza.emulators.global-setup');
interface SharedSuite {
  users: number;
  suite: Promise<EmulatorSuite>;
}
const holder = globalThis as typeof globalThis & { [sharedKey]?: SharedSuite };

async function useSharedSuite(names: readonly EmulatorName[], { keepSetVariables = false } = {}): Promise<() => Promise<void>> {
  const shared = (holder[sharedKey] ??= {
    users: 0,
    suite: startEmulators({ only: names, ports: Object.fromEntries(names.map((name) => [name, 0])) }),
  });
  shared.users += 1;
  const suite = await shared.suite.catch((error: unknown) => {
    delete holder[sharedKey];
    throw error;
  });
  // Beside external emulators, their variables (GCLOUD_PROJECT among them) stay as the user set them.
  for (const [name, value] of Object.entries(suite.env)) {
    if (!keepSetVariables || process.env[name] === undefined) process.env[name] = value;
  }
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[sharedKey];
    await suite.stop();
  };
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
