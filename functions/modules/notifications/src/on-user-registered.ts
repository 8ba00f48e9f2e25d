import { notificationCreated, userRegistered } from '@plaza/contracts';
import { defineConsumer } from '@plaza/runtime';
import { inboxRepository } from './inbox-repository.ts';
import { welcomeNotification } from './welcome-notification.ts';

/**
 * Greets every new member: the welcome item lands in their inbox, keyed by the event id, and
 * notificationCreated announces it to the delivery channels (Telegram) in the same transaction.
 * An item that is there already (the event came again after its processed record expired) is
 * neither counted nor announced twice.
 */
export const onUserRegistered = defineConsumer({
  name: 'notifications.on-user-registered',
  event: userRegistered,
  async handle({ tx, event, emit }) {
    const item = welcomeNotification(event.data, new Date(event.time));
    if (!(await inboxRepository.putIn(tx, event.data.uid, event.id, item))) return;
    emit(
      notificationCreated,
      { uid: event.data.uid, notificationId: event.id, kind: item.kind, title: item.title, body: item.body, createdAt: item.createdAt },
      { subject: `users/${event.data.uid}` },
    );
  },
});
