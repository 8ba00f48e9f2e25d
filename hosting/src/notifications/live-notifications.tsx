'use client';
import type { Schema } from '@plaza/api-client';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useSession } from '../session/session-context.tsx';

export type NotificationItem = Schema<'NotificationItem'>;
type Listener = (item: NotificationItem) => void;

interface LiveNotifications {
  /** The unread count the stream last reported; undefined until it has. */
  unread: number | undefined;
  /** Whether the stream is open right now (EventSource reconnects by itself when it is not). */
  connected: boolean;
  /** Calls `listener` for every notification that arrives while mounted; returns the unsubscribe. */
  onNotification: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveNotifications>({ unread: undefined, connected: false, onNotification: () => () => {} });

/**
 * One EventSource on `GET /api/v1/notifications/stream` for the whole signed-in dashboard: the
 * header's unread count and the inbox read it. The stream ends every 50 s (Hosting's limit) and
 * EventSource resumes it with Last-Event-ID, so nothing is missed.
 */
export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const [unread, setUnread] = useState<number | undefined>(undefined);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (!signedIn) return;
    const source = new EventSource('/api/v1/notifications/stream');
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('unread', (event) => setUnread((JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread));
    source.addEventListener('notification', (event) => {
      const item = JSON.parse((event as MessageEvent<string>).data) as NotificationItem;
      for (const listener of listeners.current) listener(item);
    });
    return () => {
      source.close();
      setConnected(false);
      setUnread(undefined);
    };
  }, [signedIn]);

  const [value] = useState<Pick<LiveNotifications, 'onNotification'>>(() => ({
    onNotification: (listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));
  return <LiveContext.Provider value={{ unread, connected, ...value }}>{children}</LiveContext.Provider>;
}

export function useLiveNotifications(): LiveNotifications {
  return useContext(LiveContext);
}
