import type { CaughtMessage } from '../smtp/mail-store.ts';
import type { FaultCode } from '../smtp/delivery-faults.ts';

export type { CaughtMessage, FaultCode };

function mailboxUrl(path: string): string {
  const base = process.env.PLAZA_MAILBOX_URL;
  if (!base) {
    throw new Error(
      'PLAZA_MAILBOX_URL is not set: run under the vitest global setup (it starts the emulator suite) or export the line `npm run emulators` prints',
    );
  }
  return new URL(path, base).toString();
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(mailboxUrl(path), init);
  if (!response.ok) throw new Error(`Mailbox ${init?.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** The mail delivered to `to` (every message when omitted), newest first. */
export async function listMail(to?: string): Promise<CaughtMessage[]> {
  const query = to === undefined ? '' : `?to=${encodeURIComponent(to)}`;
  const body = (await (await call(`/messages${query}`)).json()) as { messages: CaughtMessage[] };
  return body.messages;
}

/**
 * Clears every caught message. Test files share one suite and run in parallel, so prefer a unique
 * recipient per test over clearing; this is for a developer's own stack.
 */
export async function clearMail(): Promise<void> {
  await call('/messages', { method: 'DELETE' });
}

export interface DeliveryFailure {
  to: string;
  /** 4xx is a transient failure the sender should retry; 5xx a permanent one. */
  code: FaultCode;
  /** How many attempts fail before delivery works again; every attempt until clearDeliveryFailures() when omitted. */
  times?: number;
}

/** Makes the SMTP stand-in refuse `to` at RCPT TO with `code`. */
export async function failDelivery(failure: DeliveryFailure): Promise<void> {
  await call('/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(failure),
  });
}

export async function clearDeliveryFailures(): Promise<void> {
  await call('/faults', { method: 'DELETE' });
}

export interface WaitForMailOptions {
  to: string;
  /** A message whose subject contains this string, or matches this pattern. */
  subject?: string | RegExp;
  /** Only mail received at or after this time (e.g. taken before the action that sends it). */
  since?: Date | number;
  /** 10 s by default: mail goes through the outbox, Pub/Sub push and SMTP. */
  timeoutMs?: number;
}

const pollIntervalMs = 50;

/** Polls the mailbox until a matching message arrives and returns the newest one; throws after the timeout, saying what did arrive. */
export async function waitForMail(options: WaitForMailOptions): Promise<CaughtMessage> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  const since = options.since === undefined ? undefined : new Date(options.since).getTime();
  const matches = (message: CaughtMessage): boolean =>
    (since === undefined || Date.parse(message.receivedAt) >= since) &&
    (options.subject === undefined ||
      (typeof options.subject === 'string' ? message.subject.includes(options.subject) : options.subject.test(message.subject)));
  for (;;) {
    const messages = await listMail(options.to);
    const found = messages.find(matches);
    if (found) return found;
    if (Date.now() >= deadline) {
      const seen = messages.map((message) => `"${message.subject}" at ${message.receivedAt}`).join(', ') || 'nothing';
      throw new Error(
        `No mail to ${options.to}${options.subject === undefined ? '' : ` with subject ${String(options.subject)}`} within ${timeoutMs} ms (the mailbox had ${seen})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}
