import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { RunningService, ServiceOptions } from '../service.ts';
import { extractLinks } from './links.ts';
import { urlHost } from '../stand-in-http.ts';
import { createMailCatcher, type MailCatcher } from './mail-catcher.ts';

export interface SmtpEmulatorOptions extends ServiceOptions {
  /** Shared with the mailbox API; a fresh one by default. */
  catcher?: MailCatcher;
}

const maxMessageBytes = 25 * 1024 * 1024;

/**
 * An SMTP server that delivers nowhere: every message is parsed and kept in the catcher.
 * No TLS and no authentication are required, but any AUTH is accepted, so a production-shaped
 * SMTP_URL with credentials works unchanged.
 */
export async function startSmtpEmulator(options: SmtpEmulatorOptions = {}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const catcher = options.catcher ?? createMailCatcher();
  const server = new SMTPServer({
    name: 'plaza-smtp-emulator',
    banner: 'Plaza SMTP stand-in; mail is caught, never delivered',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: maxMessageBytes,
    // A pooled client keeps its connection open; stop() should not wait long for it.
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onRcptTo(address, _session, callback) {
      const fault = catcher.faults.take(address.address);
      if (!fault) return callback();
      callback(Object.assign(new Error(fault.message), { responseCode: fault.code }));
    },
    onData(stream, session, callback) {
      catchMessage(stream, session, catcher).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // A client that drops its connection is not the server's failure; without a listener it would crash the process.
  const ignoreClientError = (): void => {};

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      server.on('error', ignoreClientError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;

  return {
    port,
    host: urlHost(host, port),
    env: { SMTP_URL: `smtp://${urlHost(host, port)}` },
    async reset() {
      catcher.store.clear();
      catcher.faults.clear();
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopping;
    },
  };
}

async function catchMessage(stream: SMTPServerDataStream, session: SMTPServerSession, catcher: MailCatcher): Promise<void> {
  const parsed = await simpleParser(stream);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error(`Message exceeds ${maxMessageBytes} bytes`), { responseCode: 552 });
  }
  const text = parsed.text ?? '';
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  catcher.store.add({
    messageId: parsed.messageId ?? null,
    from: addressText(parsed.from),
    to: session.envelope.rcptTo.map(({ address }) => address),
    subject: parsed.subject ?? '',
    text,
    html,
    links: extractLinks(text, html),
  });
}

// mailparser's own `text` quotes every display name; `Plaza <no-reply@plaza.local>` reads as people write it.
function addressText(address: AddressObject | AddressObject[] | undefined): string {
  const entries = (Array.isArray(address) ? address : address ? [address] : []).flatMap((object) => object.value);
  return entries.map(({ name, address: email }) => (name ? `${name} <${email ?? ''}>` : (email ?? ''))).join(', ');
}
