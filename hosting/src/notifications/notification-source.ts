import type { Schema } from '@plaza/api-client';

export type NotificationItem = Schema<'NotificationItem'>;

/** `live`: open; `reconnecting`: EventSource retries by itself; `offline`: refused, retried later. */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface NotificationSourceHandlers {
  unread(count: number): void;
  notification(item: NotificationItem): void;
  state(state: StreamState): void;
}

export interface NotificationSourceOptions {
  url?: string;
  /** How long to wait before opening again after the API refused the stream (401, 429, 5xx). */
  reopenAfterMs?: number;
  EventSourceImpl?: typeof EventSource;
}

/**
 * Keeps an EventSource on the notification stream open until the returned function is called.
 * EventSource resumes by itself after the stream's planned end, with Last-Event-ID; when the API
 * answers anything but a stream it gives up for good, so this opens a new one a while later.
 */
export function openNotificationSource(
  handlers: NotificationSourceHandlers,
  { url = '/api/v1/notifications/stream', reopenAfterMs = 30_000, EventSourceImpl = EventSource }: NotificationSourceOptions = {},
): () => void {
  let source: EventSource | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    handlers.state('connecting');
    const current = new EventSourceImpl(url);
    source = current;
    current.onopen = () => handlers.state('live');
    current.onerror = () => {
      if (current.readyState !== EventSourceImpl.CLOSED) return handlers.state('reconnecting');
      handlers.state('offline');
      reopen = setTimeout(open, reopenAfterMs);
    };
    current.addEventListener('unread', (event) => handlers.unread((JSON.parse((event as MessageEvent<string>).data) as Schema<'UnreadCount'>).unread));
    current.addEventListener('notification', (event) => handlers.notification(JSON.parse((event as MessageEvent<string>).data) as NotificationItem));
  };

  open();
  return () => {
    clearTimeout(reopen);
    source?.close();
  };
}
