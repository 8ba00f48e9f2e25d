export { startEmulators, type EmulatorSuite, type StartEmulatorsOptions } from './launcher.ts';
export { emulatorNames, type EmulatorName } from './registry.ts';
export { startAuthEmulator, type AuthEmulatorOptions } from './auth/index.ts';
// Types only: smtp-server and mailparser load when the launcher starts the stand-in, not on import.
export type { CaughtMessage, MailCatcher } from './smtp/index.ts';
export type { RunningService, ServiceOptions } from './service.ts';
export { startTelegramEmulator, localBot, type RecordedCall as TelegramCall, type TelegramEmulatorOptions } from './telegram/index.ts';
export { startOpenMeteoEmulator, type OpenMeteoEmulatorOptions } from './open-meteo/index.ts';
