import { emailVerificationRequested } from '@plaza/contracts';
import { defineMailConsumer, type MailerDependencies } from './define-mail-consumer.ts';
import { verificationEmail } from './templates/index.ts';

/** Sends the link that proves a person owns their address. */
export const verificationMail = (dependencies?: MailerDependencies) =>
  defineMailConsumer(
    {
      name: 'mailer.verify-email',
      event: emailVerificationRequested,
      compose: ({ email, displayName, actionUrl }) => ({ to: email, content: verificationEmail({ displayName, actionUrl }) }),
    },
    dependencies,
  );
