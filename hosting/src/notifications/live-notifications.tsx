'use client';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useSession } from '../session/session-context.tsx';
import { openNotificationSource, type NotificationItem, type StreamState } from './notification-source.ts';

export type { NotificationItem, StreamState } from './notification-source.ts';
type Listener = (item: NotificationItem) => void;

interface LiveNotifications {
  /** The unread count the stream last reported; undefined until it has. */
  unread: number | undefined;
  /** Whether the stream is open right now, and if not, what happens next. */
  state: StreamState;
  /** Calls `listener` for every notification that arrives while mounted; returns the unsubscribe. */
  onNotification: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveNotifications>({ unread: undefined, state: 'connecting', onNotification: () => () => {} });

/**
 * One EventSource on `GET /api/v1/notifications/stream` for the whole signed-in dashboard: the
 * header's unread count and the inbox read it. The stream ends every 50 s (Hosting's limit) and
 * EventSource resumes it with Last-Event-ID, so nothing is missed.
 */
export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const [unread, setUnread] = useState<number | undefined>(undefined);
  const [state, setState] = useState<StreamState>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (!signedIn) return;
    const close = openNotificationSource({
      unread: setUnread,
      state: setState,
      notification: (item) => {
        for (const listener of listeners.current) listener(item);
      },
    });
    return () => {
      close();
      setState('connecting');
      setUnread(undefined);
    };
  }, [signedIn]);

  const [value] = useState<Pick<LiveNotifications, 'onNotification'>>(() => ({
    onNotification: (listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));
  return <LiveContext.Provider value={{ unread, state, ...value }}>{children}</LiveContext.Provider>;
}

export function useLiveNotifications(): LiveNotifications {
  return useContext(LiveContext);
}
