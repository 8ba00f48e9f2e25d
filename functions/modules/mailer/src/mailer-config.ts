import { loadConfig } from '@plaza/runtime';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });

/** The mailer's own settings, apart from the service's: only a service that sends mail needs SMTP_URL. */
export const mailerConfigSchema = z.object({
  SMTP_URL: z.url({
    protocol: /^smtps?$/,
    error: (issue) =>
      issue.input === undefined
        ? 'is required to send mail: smtp://user:password@host:port (locally the emulator suite exports smtp://127.0.0.1:2525)'
        : 'must be an smtp:// or smtps:// URL',
  }),
  MAIL_FROM: z.string().trim().min(3).default('Plaza <no-reply@plaza.local>'),
  /** The dashboard's origin, which the welcome and notice mails link to. */
  APP_URL: httpUrl.default('http://127.0.0.1:5000').transform((url) => url.replace(/\/+$/, '')),
});

export type MailerConfig = z.output<typeof mailerConfigSchema>;

let loaded: MailerConfig | undefined;

/**
 * Read from the environment once, on the first mail rather than at import: the gateway mounts
 * the mailer beside modules that never send mail, and a missing SMTP_URL should fail the mail
 * (retried by Pub/Sub once the operator fixes it) with a message naming the variable.
 */
export function mailerConfigFromEnvironment(): MailerConfig {
  loaded ??= loadConfig(mailerConfigSchema, process.env);
  return loaded;
}
