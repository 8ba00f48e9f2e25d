import { userRegistered } from '@plaza/contracts';
import { defineConsumer } from '@plaza/runtime';
import { inboxRepository } from './inbox-repository.ts';
import { welcomeNotification } from './welcome-notification.ts';

/** Greets every new member: the welcome item lands in their inbox, keyed by the event id. */
export const onUserRegistered = defineConsumer({
  name: 'notifications.on-user-registered',
  event: userRegistered,
  async handle({ tx, event }) {
    const item = welcomeNotification(event.data, new Date(event.time));
    await inboxRepository.putIn(tx, event.data.uid, event.id, item);
  },
});
