'use client';
import Link from 'next/link';
import { useLiveNotifications } from '../notifications/live-notifications.tsx';
import { Loading } from '../ui/loading.tsx';

/** The unread count, live. */
export function InboxWidget() {
  const { unread } = useLiveNotifications();
  if (unread === undefined) return <Loading label="Counting…" />;
  return (
    <p>
      {unread === 0 ? 'You are all caught up.' : `${unread} unread notification${unread === 1 ? '' : 's'}.`} <Link href="/notifications/">Open the inbox</Link>
    </p>
  );
}
