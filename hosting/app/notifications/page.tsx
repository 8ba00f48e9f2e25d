'use client';
import { NotificationsInbox } from '../../src/notifications/notifications-inbox.tsx';
import { RequireSession } from '../../src/session/require-session.tsx';

export default function NotificationsPage() {
  return (
    <RequireSession permission="notifications:read:self">
      <NotificationsInbox />
    </RequireSession>
  );
}
