'use client';
import { expectOk } from '@plaza/api-client';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { useAction } from '../ui/use-action.ts';
import { mergeInboxItems, relativeTime } from './inbox-items.ts';
import { useLiveNotifications, type NotificationItem } from './live-notifications.tsx';

const streamStateLabels = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline, trying again soon',
} as const;

/** The inbox: pages from `GET /v1/notifications`, live arrivals from the stream, read, unread and delete. */
export function NotificationsInbox() {
  const { unread, state, onNotification } = useLiveNotifications();
  const [items, setItems] = useState<NotificationItem[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const page = useAction(async (cursor?: string) => {
    const result = await expectOk(api.GET('/v1/notifications', { params: { query: cursor ? { limit: 20, cursor } : { limit: 20 } } }));
    setItems((current) => mergeInboxItems(current ?? [], result.items));
    setNextCursor(result.nextCursor);
  });
  const loadPage = page.act;
  useEffect(() => {
    void loadPage();
  }, [loadPage]);
  useEffect(
    () =>
      onNotification((item) => {
        setItems((current) => mergeInboxItems(current ?? [], [item]));
        setAnnouncement(`New notification: ${item.title}`);
      }),
    [onNotification],
  );

  const change = useAction(
    useCallback(async (item: NotificationItem, to: 'read' | 'unread' | 'deleted') => {
      if (to === 'deleted') {
        await expectOk(api.DELETE('/v1/notifications/{id}', { params: { path: { id: item.id } } }));
        setItems((current) => current?.filter(({ id }) => id !== item.id));
      } else {
        const updated = await expectOk(api.PATCH('/v1/notifications/{id}', { params: { path: { id: item.id } }, body: { read: to === 'read' } }));
        setItems((current) => mergeInboxItems(current ?? [], [updated]));
      }
      setAnnouncement(`“${item.title}” ${to === 'deleted' ? 'deleted' : `marked ${to}`}.`);
    }, []),
  );
  const readAll = useAction(
    useCallback(async () => {
      await expectOk(api.POST('/v1/notifications/read-all'));
      const now = new Date().toISOString();
      setItems((current) => current?.map((item) => ({ ...item, readAt: item.readAt ?? now })));
      setAnnouncement('Every notification is marked read.');
    }, []),
  );

  return (
    <>
      <h1>Notifications</h1>
      <p className="muted">
        {unread === undefined ? 'Connecting…' : `${unread} unread`} · {streamStateLabels[state]}
      </p>
      <p role="status" aria-live="polite" className="visually-hidden">{announcement}</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={readAll.busy || unread === 0} onClick={() => void readAll.act()}>Mark all read</button>
      </div>
      <ProblemMessage error={page.error ?? change.error ?? readAll.error} />
      {items === undefined ? (
        page.error ? null : <Loading label="Loading your notifications…" />
      ) : items.length === 0 ? (
        <EmptyState title="No notifications">When something happens, it shows up here at once.</EmptyState>
      ) : (
        <ul className="list" aria-label="Notifications" data-testid="inbox">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? undefined : 'unread'}>
              <div>
                <strong>{item.title}</strong> {item.readAt ? null : <span className="visually-hidden">(unread)</span>}
                <p>{item.body}</p>
                <time className="muted" dateTime={item.createdAt}>{relativeTime(item.createdAt)}</time>
              </div>
              <div className="actions">
                <button type="button" className="secondary" disabled={change.busy} onClick={() => void change.act(item, item.readAt ? 'unread' : 'read')} aria-label={`${item.readAt ? 'Mark unread' : 'Mark read'}: “${item.title}”`}>
                  {item.readAt ? 'Mark unread' : 'Mark read'}
                </button>
                <button type="button" className="secondary" disabled={change.busy} onClick={() => void change.act(item, 'deleted')} aria-label={`Delete: “${item.title}”`}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <div className="actions">
          <button type="button" className="secondary" disabled={page.busy} onClick={() => void page.act(nextCursor)}>{page.busy ? 'Loading…' : 'Load more'}</button>
        </div>
      ) : null}
    </>
  );
}
