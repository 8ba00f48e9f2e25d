import { userRegistered } from '@plaza/contracts';
import { defineMailConsumer, type MailerDependencies } from './define-mail-consumer.ts';
import { welcomeEmail } from './templates/index.ts';

/** Welcomes a new member by mail; people who signed up without an address (some providers) get none. */
export const welcomeMail = (dependencies?: MailerDependencies) =>
  defineMailConsumer(
    {
      name: 'mailer.welcome',
      event: userRegistered,
      compose: ({ email, displayName }, { APP_URL }) =>
        email ? { to: email, content: welcomeEmail({ displayName, appUrl: APP_URL }) } : null,
    },
    dependencies,
  );
