export { startEmulators, type EmulatorSuite, type StartEmulatorsOptions } from './launcher.ts';
export { emulatorNames, type EmulatorName } from './registry.ts';
export { startAuthEmulator, type AuthEmulatorOptions } from './auth/index.ts';
export { startSmtpEmulator, startMailboxEmulator, createMailCatcher, type CaughtMessage, type MailCatcher } from './smtp/index.ts';
export type { RunningService, ServiceOptions } from './service.ts';
