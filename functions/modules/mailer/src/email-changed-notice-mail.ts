import { emailChanged } from '@plaza/contracts';
import { defineMailConsumer, type MailerDependencies } from './define-mail-consumer.ts';
import { emailChangedNoticeEmail } from './templates/index.ts';

/** Tells the PREVIOUS address that the account moved, in case its owner did not move it. */
export const emailChangedNoticeMail = (dependencies?: MailerDependencies) =>
  defineMailConsumer(
    {
      name: 'mailer.email-changed-notice',
      event: emailChanged,
      compose: ({ previousEmail, newEmail, displayName }, { APP_URL }) => ({
        to: previousEmail,
        content: emailChangedNoticeEmail({ displayName, previousEmail, newEmail, appUrl: APP_URL }),
      }),
    },
    dependencies,
  );
