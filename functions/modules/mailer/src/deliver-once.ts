import { PermanentFailure, type DeliveryLedger, type Logger } from '@plaza/runtime';
import type { MailTransport, OutgoingMail } from './mail-transport.ts';
import { classifySmtpFailure } from './smtp-failure.ts';

export interface DeliverOnceInput {
  eventId: string;
  consumer: string;
  mail: OutgoingMail;
  deliveries: DeliveryLedger;
  transport: MailTransport;
  logger: Logger;
}

/**
 * Sends the mail an event asks for at most once per event, as far as SMTP lets anyone know:
 * claim, send, mark delivered (in the runtime's delivery ledger). A transient SMTP failure throws (the push answers 500 and Pub/Sub
 * retries with backoff); a permanent one throws PermanentFailure (dead-lettered now, acked).
 */
export async function deliverOnce({ eventId, consumer, mail, deliveries, transport, logger }: DeliverOnceInput): Promise<void> {
  const claim = await deliveries.claim(eventId, consumer);
  switch (claim.kind) {
    case 'already-delivered':
      logger.info('mail for this event was already sent; nothing sent');
      return;
    case 'in-doubt':
      // The mailer never records this (its claims retry), but a record so marked means: do not send again.
      logger.warn('the delivery record says this mail may have been sent; not sending it again');
      return;
    case 'already-rejected':
      throw new PermanentFailure(`an earlier attempt was refused permanently: ${claim.reason}`);
    case 'in-flight':
      throw new Error('another attempt is sending this mail right now; retry after its lease');
    case 'claimed':
      break;
  }

  let response: string;
  try {
    ({ response } = await transport.send(mail));
  } catch (error) {
    const reason = describeSmtpError(error);
    if (classifySmtpFailure(error) === 'permanent') {
      await deliveries.markRejected(eventId, reason);
      throw new PermanentFailure(`SMTP refused the mail permanently: ${reason}`, { cause: error });
    }
    await deliveries.markFailed(eventId, reason);
    logger.warn({ attempt: claim.attempt, smtpError: reason }, 'SMTP failed transiently; Pub/Sub will retry');
    throw new Error(`SMTP failed transiently: ${reason}`, { cause: error });
  }
  await deliveries.markDelivered(eventId, { smtpResponse: response });
  logger.info({ attempt: claim.attempt, messageId: mail.messageId }, 'mail sent');
}

function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, response } = error as Error & { code?: string; response?: string };
  return [code, response ?? error.message].filter(Boolean).join(': ').slice(0, 500);
}

/** The Message-ID every attempt for this event carries, so a copy that slips through can be recognised downstream. */
export function messageIdFor(eventId: string): string {
  return `<${eventId}@plaza>`;
}
