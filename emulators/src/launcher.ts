import { readEmulatorEndpoints } from './ports.ts';
import { defaultProjectId } from './project.ts';
import { emulatorDefinitions, emulatorNames, type EmulatorName, type ServiceOf } from './registry.ts';

export interface StartEmulatorsOptions<Name extends EmulatorName> {
  /** Overrides every host from firebase.json. */
  host?: string;
  /** Overrides ports from firebase.json; 0 picks a free one. */
  ports?: Partial<Record<EmulatorName, number>>;
  /** Start only these; all by default. */
  only?: readonly Name[];
  projectId?: string;
  /** A Firestore export to load at start. */
  firestoreDataFile?: string;
  /** The firebase.json holding the emulators' hosts and ports; the repository's by default. */
  configFile?: string;
}

export interface EmulatorSuite<Name extends EmulatorName = EmulatorName> {
  services: { [K in Name]: ServiceOf<K> };
  /** Every variable a client process needs, merged. */
  env: Record<string, string>;
  ports: Record<Name, number>;
  /** Milliseconds from launch until each service was ready. */
  readyMs: Record<Name, number>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

interface StartedService {
  name: EmulatorName;
  service: ServiceOf<EmulatorName>;
  readyMs: number;
}

/** Starts the emulators in parallel; if any fails, stops the rest and throws one error naming each failure. */
export async function startEmulators<Name extends EmulatorName = EmulatorName>(
  options: StartEmulatorsOptions<Name> = {},
): Promise<EmulatorSuite<Name>> {
  const names = options.only ?? (emulatorNames as readonly Name[]);
  const projectId = options.projectId ?? defaultProjectId;
  const endpoints = await readEmulatorEndpoints(names, options.configFile);
  const launchedAt = performance.now();
  const shared = new Map<string, unknown>();

  const outcomes = await Promise.allSettled(
    emulatorDefinitions
      .filter((definition) => names.includes(definition.name as Name))
      .map(async (definition): Promise<StartedService> => {
        const host = options.host ?? endpoints[definition.name as Name].host ?? '127.0.0.1';
        const port = options.ports?.[definition.name] ?? endpoints[definition.name as Name].port;
        try {
          const service = await definition.start({ host, port, projectId, firestoreDataFile: options.firestoreDataFile, shared });
          return { name: definition.name, service, readyMs: performance.now() - launchedAt };
        } catch (error) {
          throw new Error(describeStartFailure(definition.name, host, port, error), { cause: error });
        }
      }),
  );

  const started = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
  if (failures.length > 0) {
    await Promise.allSettled(started.map(({ service }) => service.stop()));
    throw new AggregateError(failures, `The emulator suite could not start:\n  ${failures.map((f) => f.message).join('\n  ')}`);
  }
  return assembleSuite<Name>(started, projectId);
}

function describeStartFailure(name: EmulatorName, host: string, port: number, error: unknown): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    return `${name}: port ${port} on ${host} is already in use`;
  }
  return `${name} on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

function assembleSuite<Name extends EmulatorName>(started: readonly StartedService[], projectId: string): EmulatorSuite<Name> {
  const byName = <T>(pick: (entry: StartedService) => T) =>
    Object.fromEntries(started.map((entry) => [entry.name, pick(entry)])) as Record<Name, T>;
  let stopping: Promise<void> | undefined;
  return {
    services: byName((entry) => entry.service) as EmulatorSuite<Name>['services'],
    env: Object.assign({ GCLOUD_PROJECT: projectId }, ...started.map(({ service }) => service.env)),
    ports: byName((entry) => entry.service.port),
    readyMs: byName((entry) => entry.readyMs),
    async reset() {
      await Promise.all(started.map(({ service }) => service.reset()));
    },
    stop() {
      stopping ??= Promise.all(started.map(({ service }) => service.stop())).then(() => undefined);
      return stopping;
    },
  };
}
