import { randomUUID } from 'node:crypto';
import { normalizeAddress } from './delivery-faults.ts';

/** One message as the mailbox API serves it. */
export interface CaughtMessage {
  /** The mailbox's own id, for GET /messages/:id. */
  id: string;
  /** The Message-ID header as the sender set it (null if it set none), so idempotency is checkable. */
  messageId: string | null;
  /** The From header as text, e.g. `Plaza <no-reply@plaza.local>`. */
  from: string;
  /** The envelope recipients (RCPT TO), lower-cased: who the message was actually delivered to. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Every http(s) URL in text and HTML, deduplicated, in order of appearance. */
  links: string[];
  /** ISO 8601. */
  receivedAt: string;
}

export type NewMessage = Omit<CaughtMessage, 'id' | 'receivedAt'>;

export const defaultMailboxCapacity = 1000;

/** The caught mail, in memory and bounded: past the capacity the oldest message goes. */
export class MailStore {
  readonly #messages: CaughtMessage[] = [];

  constructor(readonly capacity = defaultMailboxCapacity) {}

  add(message: NewMessage, receivedAt = new Date()): CaughtMessage {
    const stored: CaughtMessage = {
      ...message,
      to: message.to.map(normalizeAddress),
      id: randomUUID(),
      receivedAt: receivedAt.toISOString(),
    };
    this.#messages.push(stored);
    if (this.#messages.length > this.capacity) this.#messages.splice(0, this.#messages.length - this.capacity);
    return stored;
  }

  /** Newest first; only those delivered to `to` when it is given. */
  list(to?: string): CaughtMessage[] {
    const recipient = to === undefined ? undefined : normalizeAddress(to);
    return this.#messages.filter((message) => recipient === undefined || message.to.includes(recipient)).reverse();
  }

  get(id: string): CaughtMessage | undefined {
    return this.#messages.find((message) => message.id === id);
  }

  clear(): void {
    this.#messages.length = 0;
  }
}
