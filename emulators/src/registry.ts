import type { RunningService } from './service.ts';

/** What every emulator's start function is given by the launcher. */
export interface StartContext {
  host: string;
  /** 0 picks a free port. */
  port: number;
  projectId: string;
  firestoreDataFile?: string;
  /** State the services of one launch share, for a stand-in made of two (SMTP and its mailbox API). */
  shared: Map<string, unknown>;
}

export interface EmulatorDefinition {
  /** The key in firebase.json's `emulators` block that holds its host and port. */
  name: string;
  /** The variable that points clients at it; checked when the suite is external. */
  envVar?: string;
  start(context: StartContext): Promise<RunningService>;
}

// Engines are imported on start, so a suite started with `only` never pays for loading the others.
export const emulatorDefinitions = [
  {
    name: 'firestore',
    envVar: 'FIRESTORE_EMULATOR_HOST',
    start: async ({ host, port, firestoreDataFile }: StartContext) => {
      const { startFirestoreEmulator } = await import('./firestore/index.ts');
      return startFirestoreEmulator({ host, port, dataFile: firestoreDataFile });
    },
  },
  {
    name: 'pubsub',
    envVar: 'PUBSUB_EMULATOR_HOST',
    start: async ({ host, port }: StartContext) => {
      const { startPubSubEmulator } = await import('./pubsub/index.ts');
      return startPubSubEmulator({ host, port });
    },
  },
  {
    name: 'auth',
    envVar: 'FIREBASE_AUTH_EMULATOR_HOST',
    start: async ({ host, port, projectId }: StartContext) => {
      const { startAuthEmulator } = await import('./auth/index.ts');
      return startAuthEmulator({ host, port, projectId });
    },
  },
  {
    name: 'smtp',
    envVar: 'SMTP_URL',
    start: async ({ host, port, shared }: StartContext) => {
      const { startSmtpEmulator, mailCatcherOf } = await import('./smtp/index.ts');
      return startSmtpEmulator({ host, port, catcher: mailCatcherOf(shared) });
    },
  },
  {
    name: 'mailbox',
    envVar: 'PLAZA_MAILBOX_URL',
    start: async ({ host, port, shared }: StartContext) => {
      const { startMailboxEmulator, mailCatcherOf } = await import('./smtp/index.ts');
      return startMailboxEmulator({ host, port, catcher: mailCatcherOf(shared) });
    },
  },
  {
    name: 'openMeteo',
    envVar: 'OPEN_METEO_API_URL',
    start: async ({ host, port }: StartContext) => {
      const { startOpenMeteoEmulator } = await import('./open-meteo/index.ts');
      return startOpenMeteoEmulator({ host, port });
    },
  },
  {
    name: 'telegram',
    envVar: 'TELEGRAM_API_ROOT',
    start: async ({ host, port }: StartContext) => {
      const { startTelegramEmulator } = await import('./telegram/index.ts');
      return startTelegramEmulator({ host, port });
    },
  },
] as const satisfies readonly EmulatorDefinition[];

export type EmulatorName = (typeof emulatorDefinitions)[number]['name'];

/** The service type each emulator's start resolves to (e.g. Firestore's, with exportData). */
export type ServiceOf<Name extends EmulatorName> = Awaited<
  ReturnType<Extract<(typeof emulatorDefinitions)[number], { name: Name }>['start']>
>;

export const emulatorNames: readonly EmulatorName[] = emulatorDefinitions.map((definition) => definition.name);

/** Reads a comma-separated list such as `firestore,auth`, as `--only` takes it. */
export function parseEmulatorNames(list: string): EmulatorName[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !emulatorNames.includes(name as EmulatorName));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`"${list}" is not a list of emulators; choose from ${emulatorNames.join(', ')}`);
  }
  return names as EmulatorName[];
}
