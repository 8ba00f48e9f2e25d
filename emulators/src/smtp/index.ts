export { startSmtpEmulator, type SmtpEmulatorOptions } from './smtp-listener.ts';
export { startMailboxEmulator, type MailboxEmulatorOptions } from './mailbox-http.ts';
export { createMailCatcher, mailCatcherOf, type MailCatcher } from './mail-catcher.ts';
export type { CaughtMessage } from './mail-store.ts';
export { faultCodes, type FaultCode } from './delivery-faults.ts';
