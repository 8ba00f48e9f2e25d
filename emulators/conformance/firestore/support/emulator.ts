import { emulatorHost } from '../../support/emulator-host.ts';

/**
 * Where the Firestore emulator under test listens. global-setup.ts sets FIRESTORE_EMULATOR_HOST
 * before the test files load (or, with PLAZA_EMULATORS=external, the developer points it at
 * Google's official emulator), so everything here reads it the way the official clients do.
 */
export interface EmulatorAddress {
  /** host:port exactly as FIRESTORE_EMULATOR_HOST gives it. */
  readonly hostPort: string;
  readonly host: string;
  readonly port: number;
}

export function firestoreEmulator(): EmulatorAddress {
  const hostPort = emulatorHost('FIRESTORE_EMULATOR_HOST');
  const colon = hostPort.lastIndexOf(':');
  const port = Number(hostPort.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port)) {
    throw new Error(`FIRESTORE_EMULATOR_HOST must be host:port, got ${hostPort}`);
  }
  // IPv6 literals come bracketed ([::1]:8080); the web SDK wants the bare host.
  const host = hostPort.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  return { hostPort, host, port };
}
