import type { createTransport } from 'nodemailer';

/** A message ready for SMTP; the Message-ID is derived from the event, so every attempt sends the same one. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ response: string }>;
}

const transports = new Map<string, Promise<ReturnType<typeof createTransport>>>();

/**
 * nodemailer over SMTP_URL, one transporter per URL. Its default timeouts (2 min to connect,
 * 10 min of socket silence) would outlive a push's patience and the delivery lease; these keep
 * every attempt under a minute, and a slow server becomes a transient failure that Pub/Sub retries.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  let transporter = transports.get(smtpUrl);
  if (!transporter) {
    // Loaded on the first mail, so the services that mount the mailer do not pay for it at cold start.
    transporter = import('nodemailer').then(({ createTransport: create }) =>
      create({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    );
    transports.set(smtpUrl, transporter);
  }
  const sender = transporter;
  return {
    async send(mail) {
      const info = await (await sender).sendMail({
        ...mail,
        // Mail that a machine sent on someone's behalf: auto-responders should not answer it (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { response: String(info.response) };
    },
  };
}
