import { userDeleted } from '@plaza/contracts';
import { defineConsumer, firestore, type Consumer } from '@plaza/runtime';
import type { TelegramDependencies } from '../telegram-dependencies.ts';
import { telegramLinkStore } from './link-store.ts';

/**
 * Forgets a deleted user (docs/events.md, "Deleting a user"): their unredeemed link tokens, then
 * their link and its chat index entry, the latter in the transaction that records the event as
 * processed. Deleting tokens first and outside it is still idempotent: a crash before the commit
 * gets the event redelivered, and deleting what is gone is a no-op.
 */
export function onUserDeleted(dependencies: TelegramDependencies = {}): Consumer {
  const links = telegramLinkStore(dependencies.firestore ?? firestore);
  return defineConsumer({
    name: 'telegram.on-user-deleted',
    event: userDeleted,
    ...(dependencies.firestore ? { firestore: dependencies.firestore } : {}),
    ...(dependencies.pubsub ? { pubsub: dependencies.pubsub } : {}),
    async handle({ tx, event, logger }) {
      const tokens = await links.deleteTokensOf(event.data.uid);
      const removed = await links.unlinkUserIn(tx, event.data.uid);
      logger.info({ targetUid: event.data.uid, deletedTokens: tokens, removedChatId: removed?.chatId ?? null }, 'telegram link forgotten');
    },
  });
}
