import { notificationCreated } from '@plaza/contracts';
import { defineConsumer, deliveryLedger, firestore, type Consumer } from '@plaza/runtime';
import { botApi } from '../bot-api.ts';
import { telegramLinkStore } from '../links/index.ts';
import { telegramConfigFromEnvironment, type TelegramConfig } from '../telegram-config.ts';
import type { TelegramDependencies } from '../telegram-dependencies.ts';
import { deliverNotification } from './deliver-notification.ts';
import { sendSlots } from './send-slots.ts';

/** `telegramDeliveries/{eventId}`: how each notification's send ended. */
export const telegramDeliveriesCollection = 'telegramDeliveries';

const sendTimeoutSeconds = 30;

/**
 * Far longer than the slowest attempt: the slot wait (TELEGRAM_MAX_SLOT_WAIT_MS, at most a
 * minute) plus a send (at most sendTimeoutSeconds), so a live attempt is never taken for a
 * crashed one. An attempt still `sending` after the lease crashed or overran, and is never repeated.
 */
const leaseMs = 15 * 60_000;

/** Telegram as a notification channel: each notification goes to the user's linked chat, at most once. */
export function notifyConsumer(dependencies: TelegramDependencies = {}): Consumer {
  const db = dependencies.firestore ?? firestore;
  const config = dependencies.config ?? telegramConfigFromEnvironment;
  const links = telegramLinkStore(db);
  const ledger = deliveryLedger({ firestore: db, collection: telegramDeliveriesCollection, leaseMs, expiredClaims: 'in-doubt' });
  // 30 s instead of grammY's 500: a sendMessage answers in well under a second or is in trouble.
  // A timeout is a send in doubt (it may have arrived), so it is not repeated.
  const api = botApi(config, { timeoutSeconds: sendTimeoutSeconds });
  let slots: { config: TelegramConfig; slots: ReturnType<typeof sendSlots> } | undefined;
  const slotsFor = (settings: TelegramConfig) => {
    if (slots?.config !== settings) {
      slots = {
        config: settings,
        slots: sendSlots(db, {
          chatIntervalMs: settings.TELEGRAM_CHAT_INTERVAL_MS,
          botWindowMs: settings.TELEGRAM_BOT_WINDOW_MS,
          botPerWindow: settings.TELEGRAM_BOT_PER_WINDOW,
          maxWaitMs: settings.TELEGRAM_MAX_SLOT_WAIT_MS,
        }),
      };
    }
    return slots.slots;
  };

  return defineConsumer({
    name: 'telegram.notify',
    event: notificationCreated,
    ...(dependencies.firestore ? { firestore: dependencies.firestore } : {}),
    ...(dependencies.pubsub ? { pubsub: dependencies.pubsub } : {}),
    async handle({ event, logger }) {
      const settings = config();
      await deliverNotification({
        event,
        consumer: 'telegram.notify',
        links,
        ledger,
        slots: slotsFor(settings),
        api,
        logger,
      });
    },
  });
}
