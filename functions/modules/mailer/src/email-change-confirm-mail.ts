import { emailChangeRequested } from '@plaza/contracts';
import { defineMailConsumer, type MailerDependencies } from './define-mail-consumer.ts';
import { emailChangeConfirmEmail } from './templates/index.ts';

/** Sends the confirmation link to the NEW address: following it proves the person owns that address. */
export const emailChangeConfirmMail = (dependencies?: MailerDependencies) =>
  defineMailConsumer(
    {
      name: 'mailer.confirm-email-change',
      event: emailChangeRequested,
      compose: ({ currentEmail, newEmail, displayName, actionUrl }) => ({
        to: newEmail,
        content: emailChangeConfirmEmail({ displayName, currentEmail, newEmail, actionUrl }),
      }),
    },
    dependencies,
  );
