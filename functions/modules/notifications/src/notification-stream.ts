import { serviceDraining, type Logger } from '@plaza/runtime';
import type { SSEMessage, SSEStreamingApi } from 'hono/streaming';
import { inboxListeners, type InboxListenerHandlers } from './inbox-listeners.ts';
import { liveItemFeed, type LiveItem } from './live-item-feed.ts';
import { encodeStreamPosition, type StreamPosition } from './stream-position.ts';

export interface NotificationStreamSettings {
  /** NOTIFICATION_STREAM_MAX_MS: the stream ends by itself after this long. */
  readonly maxMs: number;
  /** How often a `: keepalive` comment goes out, so no proxy takes a quiet stream for a dead one. */
  readonly keepaliveMs: number;
}

/** What EventSource waits before it reconnects, after each planned end and after a failure. */
export const reconnectDelayMs = 2_000;

export interface NotificationStreamOptions {
  readonly uid: string;
  /** From Last-Event-ID: the stream first sends what the inbox got past it. */
  readonly resumeFrom: StreamPosition | undefined;
  readonly settings: NotificationStreamSettings;
  readonly logger: Logger;
}

/**
 * One signed-in user's live inbox as Server-Sent Events (the protocol is in the module README):
 * `unread` whenever the counter changes, `notification` for every new item, until the maximum
 * duration, the client's disconnect, the service's drain or a failed listener, whichever comes
 * first. Then every listener and timer is released, and the caller closes the stream.
 */
export async function runNotificationStream(stream: SSEStreamingApi, { uid, resumeFrom, settings, logger }: NotificationStreamOptions): Promise<void> {
  const ended = new AbortController();
  const end = () => ended.abort();
  const untilEnded = new Promise<void>((resolve) => ended.signal.addEventListener('abort', () => resolve(), { once: true }));
  const maxDuration = setTimeout(end, settings.maxMs);
  stream.onAbort(end);
  serviceDraining.addEventListener('abort', end, { once: true });
  if (serviceDraining.aborted) end();

  // One queue for every write, so that events from both listeners and the keepalive never interleave.
  let writes = Promise.resolve();
  const enqueue = (write: () => Promise<unknown>) => {
    if (!ended.signal.aborted) writes = writes.then(write).then(() => undefined);
  };
  const send = (message: SSEMessage) => enqueue(() => stream.writeSSE(message));

  const feed = liveItemFeed(resumeFrom);
  let unread: number | undefined;
  let unreadSent: number | undefined;
  // Until both listeners have answered once, the items to send wait here: the opening sends the
  // catch-up and then the count, so the first `unread` carries a position that covers both.
  let opening: LiveItem[] | undefined;
  let open = false;

  const sendItem = ({ item, position }: LiveItem) => send({ event: 'notification', data: JSON.stringify(item), id: encodeStreamPosition(position) });
  const sendUnread = () => {
    if (unread === undefined || unread === unreadSent) return;
    unreadSent = unread;
    send({ event: 'unread', data: JSON.stringify({ unread }), id: encodeStreamPosition(feed.position()) });
  };
  const openWhenReady = () => {
    if (open || unread === undefined || !opening) return;
    open = true;
    opening.forEach(sendItem);
    sendUnread();
  };
  const handlers: InboxListenerHandlers = {
    unread(count) {
      unread = count;
      if (open) sendUnread();
      else openWhenReady();
    },
    newestItems(snapshot) {
      const items = feed.next(snapshot);
      if (open) items.forEach(sendItem);
      else {
        opening = [...(opening ?? []), ...items];
        openWhenReady();
      }
    },
    failed(error) {
      logger.warn({ err: error }, 'notification stream listener failed; the stream ends and EventSource reconnects');
      end();
    },
  };

  enqueue(() => stream.write(`retry: ${reconnectDelayMs}\n\n`));
  const keepalive = setInterval(() => enqueue(() => stream.write(': keepalive\n\n')), settings.keepaliveMs);
  let close: (() => void) | undefined;
  try {
    close = await inboxListeners.open(uid, handlers);
    await untilEnded;
  } finally {
    clearTimeout(maxDuration);
    clearInterval(keepalive);
    serviceDraining.removeEventListener('abort', end);
    close?.();
    await writes;
  }
}
