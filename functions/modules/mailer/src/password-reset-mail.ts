import { passwordResetRequested } from '@plaza/contracts';
import { defineMailConsumer, type MailerDependencies } from './define-mail-consumer.ts';
import { passwordResetEmail } from './templates/index.ts';

/** Sends the reset link to the account's address, the only place it may go. */
export const passwordResetMail = (dependencies?: MailerDependencies) =>
  defineMailConsumer(
    {
      name: 'mailer.reset-password',
      event: passwordResetRequested,
      compose: ({ email, displayName, actionUrl }) => ({ to: email, content: passwordResetEmail({ displayName, actionUrl }) }),
    },
    dependencies,
  );
