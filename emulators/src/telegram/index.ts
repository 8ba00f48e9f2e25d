export { startTelegramEmulator, localBot, type TelegramEmulatorOptions } from './telegram-server.ts';
export type { RecordedCall } from './call-log.ts';
export type { ChatFaultKind } from './chat-faults.ts';
export { supportedMethods } from './bot-methods.ts';
export { telegramSendLimits, type SendLimitSettings } from './send-limits.ts';
