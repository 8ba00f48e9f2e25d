export { startEmulators, type EmulatorSuite, type StartEmulatorsOptions } from './launcher.ts';
export { emulatorNames, type EmulatorName } from './registry.ts';
export { startAuthEmulator, type AuthEmulatorOptions } from './auth/index.ts';
export type { RunningService, ServiceOptions } from './service.ts';
