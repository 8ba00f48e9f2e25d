import type { Consumer, PlazaModule } from '@plaza/runtime';
import type { MailerDependencies } from './define-mail-consumer.ts';
import { emailChangeConfirmMail } from './email-change-confirm-mail.ts';
import { emailChangedNoticeMail } from './email-changed-notice-mail.ts';
import { passwordResetMail } from './password-reset-mail.ts';
import { verificationMail } from './verification-mail.ts';
import { welcomeMail } from './welcome-mail.ts';

/** Every mail consumer, against the given project (the service's own by default). */
export function mailerConsumers(dependencies?: MailerDependencies): Consumer[] {
  return [
    welcomeMail(dependencies),
    verificationMail(dependencies),
    passwordResetMail(dependencies),
    emailChangeConfirmMail(dependencies),
    emailChangedNoticeMail(dependencies),
  ];
}

/** Sends identity's emails over SMTP; no routes, only event consumers. */
export const mailerModule: PlazaModule = {
  name: 'mailer',
  consumers: mailerConsumers(),
};

export { mailerConfigSchema, type MailerConfig } from './mailer-config.ts';
export type { MailerDependencies } from './define-mail-consumer.ts';
