import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { watchedItemCount } from './inbox-listeners.ts';
import { notificationsConfigFromEnvironment } from './notifications-config.ts';
import { reconnectDelayMs, runNotificationStream, type NotificationStreamSettings } from './notification-stream.ts';
import { decodeStreamPosition } from './stream-position.ts';
import { streamSlots } from './stream-slots.ts';

/** Per user and instance: each stream holds a connection and two Firestore listeners. */
export const maxStreamsPerUser = 5;

/** Well inside the idle timeouts of the proxies between the browser and the instance. */
export const keepaliveIntervalMs = 20_000;

export const streamNotificationsRoute = defineRoute({
  method: 'get',
  path: '/notifications/stream',
  operationId: 'streamNotifications',
  tags: ['notifications'],
  summary: "The signed-in user's inbox, live, as Server-Sent Events (for EventSource)",
  description: [
    `First \`retry: ${reconnectDelayMs}\`. Then \`event: unread\` with \`data: {"unread":n}\` (UnreadCount) at once and on every change of the count,`,
    'and `event: notification` with `data:` a NotificationItem for each item that arrives while the stream is open.',
    'Every event carries an opaque `id:`, the stream position. On a reconnect EventSource sends the last one as `Last-Event-ID`,',
    `and the stream first sends the items that arrived since (oldest first, at most ${watchedItemCount}: after that many, reload the list), then the count.`,
    `A \`: keepalive\` comment comes every ${keepaliveIntervalMs / 1000} s. The stream ends by itself after NOTIFICATION_STREAM_MAX_MS`,
    '(50 s by default; Firebase Hosting cuts requests at 60 s), when the instance shuts down, or when a listener fails, and EventSource reconnects.',
    'An unknown `Last-Event-ID` starts afresh.',
    `At most ${maxStreamsPerUser} streams per user are open on one instance; one more is a 429 \`rate_limited\`, which EventSource does not retry.`,
  ].join(' '),
  access: { permission: 'notifications:read:self' },
  request: {
    headers: z.object({
      'last-event-id': z.string().max(512).optional().describe('The `id` of the last event received; EventSource sends it on reconnecting'),
    }),
  },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
  },
});

export interface NotificationStreamRouteOptions {
  /** Settings of each stream; NOTIFICATION_STREAM_MAX_MS and keepaliveIntervalMs by default. */
  readonly settings?: () => NotificationStreamSettings;
}

const defaultSettings = (): NotificationStreamSettings => ({
  maxMs: notificationsConfigFromEnvironment().NOTIFICATION_STREAM_MAX_MS,
  keepaliveMs: keepaliveIntervalMs,
});

export function notificationStreamRoutes({ settings = defaultSettings }: NotificationStreamRouteOptions = {}) {
  const slots = streamSlots(maxStreamsPerUser);
  return createRouter().openapi(streamNotificationsRoute, (c) => {
    const { uid } = c.get('user');
    const logger = c.get('logger');
    const lastEventId = c.req.valid('header')['last-event-id'];
    const resumeFrom = lastEventId === undefined ? undefined : decodeStreamPosition(lastEventId);
    if (lastEventId !== undefined && !resumeFrom) logger.info({ lastEventId }, 'unknown Last-Event-ID; the stream starts afresh');
    const streamSettings = settings();
    const release = slots.acquire(uid);
    if (!release) {
      throw new ProblemError(429, 'rate_limited', `At most ${maxStreamsPerUser} notification streams may be open at once.`, {
        headers: { 'Retry-After': String(Math.ceil(streamSettings.maxMs / 1000)) },
      });
    }
    return streamSSE(c, async (stream) => {
      try {
        await runNotificationStream(stream, { uid, resumeFrom, settings: streamSettings, logger });
      } catch (error) {
        logger.error({ err: error }, 'notification stream failed');
      } finally {
        release();
      }
    });
  });
}
