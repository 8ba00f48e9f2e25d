import { userDeleted } from '@plaza/contracts';
import { defineConsumer } from '@plaza/runtime';
import { inboxRepository } from './inbox-repository.ts';

/**
 * Forgets a deleted user: their whole inbox. The purge runs in pages outside the consumer's
 * transaction (which holds at most 500 writes; an inbox can hold many more), before the
 * transaction records the event as processed. That is still idempotent: if the process dies
 * mid-purge, nothing is recorded, Pub/Sub redelivers, and the purge deletes what is left;
 * deleting an item twice is a no-op. Once recorded, a redelivery is acked without a purge.
 */
export const onUserDeleted = defineConsumer({
  name: 'notifications.on-user-deleted',
  event: userDeleted,
  async handle({ event, logger }) {
    const deleted = await inboxRepository.purge(event.data.uid);
    logger.info({ targetUid: event.data.uid, deletedItems: deleted }, 'inbox purged');
  },
});
