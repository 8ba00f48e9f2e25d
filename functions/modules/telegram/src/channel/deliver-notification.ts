import type { CloudEvent } from '@plaza/contracts';
import { PermanentFailure, RetryLater, type DeliveryLedger, type Logger } from '@plaza/runtime';
import type { Api } from 'grammy';
import type { TelegramLinkStore } from '../links/index.ts';
import { notificationMessage } from './notification-message.ts';
import { classifySendFailure } from './send-failure.ts';
import type { SendSlots } from './send-slots.ts';

export interface NotificationDelivery {
  readonly event: CloudEvent<{ uid: string; title: string; body: string }>;
  readonly consumer: string;
  readonly links: TelegramLinkStore;
  readonly ledger: DeliveryLedger;
  readonly slots: SendSlots;
  /** The Bot API client; loaded on the first send, so a service that never sends never loads grammY. */
  readonly api: () => Api | Promise<Api>;
  readonly logger: Logger;
  readonly sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one notification to the user's linked chat, at most once per event: claim the event in
 * the ledger, reserve a send slot within Telegram's limits, wait for it, send, record the
 * outcome. Whatever is known not to have been sent (a 429, a 5xx, no slot soon enough) is
 * released and retried through Pub/Sub; whatever may have been sent is never sent again.
 * Waiting for a turn throws RetryLater (a 429 to Pub/Sub, not an error); a failure throws.
 */
export async function deliverNotification(delivery: NotificationDelivery): Promise<void> {
  const { event, ledger, logger } = delivery;
  const link = await delivery.links.findByUser(event.data.uid);
  if (!link) {
    logger.info('no linked Telegram chat; nothing to send');
    return;
  }
  if (!link.notifications) {
    logger.info({ chatId: link.chatId }, 'Telegram notifications are off for this user; nothing sent');
    return;
  }

  // Before the claim: a missing token is a configuration error to retry once fixed, not a send in doubt.
  const api = await delivery.api();
  const claim = await ledger.claim(event.id, delivery.consumer);
  switch (claim.kind) {
    case 'already-delivered':
      logger.info('this notification was already sent to Telegram; nothing sent');
      return;
    case 'already-rejected':
      logger.info({ reason: claim.reason }, 'Telegram refused this notification before; nothing sent');
      return;
    case 'in-doubt':
      logger.warn('an earlier attempt may have sent this notification; not sending it again');
      return;
    case 'in-flight':
      throw new RetryLater('another attempt is sending this notification; retry after its lease');
    case 'claimed':
      break;
  }

  const reservation = await delivery.slots.reserve(link.chatId);
  if (reservation.kind === 'later') {
    await ledger.markFailed(event.id, `no send slot within the wait allowed; next in ${reservation.retryAfterMs} ms`);
    throw new RetryLater(`the chat's next send slot is ${reservation.retryAfterMs} ms away`, { retryAfterMs: reservation.retryAfterMs });
  }
  const waitMs = reservation.at.getTime() - Date.now();
  if (waitMs > 0) await (delivery.sleep ?? sleepFor)(waitMs);

  let messageId: number;
  try {
    ({ message_id: messageId } = await api.sendMessage(link.chatId, notificationMessage(event.data), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }));
  } catch (error) {
    const failure = classifySendFailure(error);
    switch (failure.kind) {
      case 'retry-after':
        await delivery.slots.pauseChat(link.chatId, new Date(Date.now() + failure.retryAfterMs));
        await ledger.markFailed(event.id, failure.reason);
        logger.warn({ chatId: link.chatId, retryAfterMs: failure.retryAfterMs }, 'Telegram asked to slow down; the chat is paused and Pub/Sub retries');
        throw new RetryLater(`Telegram answered ${failure.reason}`, { retryAfterMs: failure.retryAfterMs, cause: error });
      case 'blocked':
        await delivery.links.unlinkByChat(link.chatId);
        await ledger.markRejected(event.id, failure.reason);
        logger.info({ chatId: link.chatId, reason: failure.reason }, 'the user blocked the bot; link removed');
        return;
      case 'refused':
        await ledger.markRejected(event.id, failure.reason);
        throw new PermanentFailure(`Telegram refused the notification: ${failure.reason}`, { cause: error });
      case 'not-sent':
        await ledger.markFailed(event.id, failure.reason);
        // A real failure (Telegram or the network is down): a 500, which the 5xx alert counts.
        throw new Error(`the notification was not sent: ${failure.reason}`, { cause: error });
      case 'in-doubt':
        await ledger.markInDoubt(event.id, failure.reason);
        logger.error({ chatId: link.chatId, reason: failure.reason }, 'the send may or may not have reached Telegram; not repeating it');
        return;
    }
  }
  await ledger.markDelivered(event.id, { chatId: link.chatId, telegramMessageId: messageId });
  logger.info({ chatId: link.chatId, telegramMessageId: messageId }, 'notification sent to Telegram');
}
