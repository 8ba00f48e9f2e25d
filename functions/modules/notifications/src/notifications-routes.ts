import { createRouter } from '@plaza/runtime';
import { inboxItemRoutes } from './inbox-item-routes.ts';
import { listNotificationsRoutes } from './list-notifications-route.ts';
import { markAllReadRoutes } from './mark-all-read-route.ts';
import { notificationStreamRoutes, type NotificationStreamRouteOptions } from './notification-stream-route.ts';
import { unreadCountRoutes } from './unread-count-route.ts';

/** The inbox API under `/v1/notifications` (see the module README). */
export function notificationsRoutes(options: { stream?: NotificationStreamRouteOptions } = {}) {
  return createRouter()
    .route('/', listNotificationsRoutes)
    .route('/', unreadCountRoutes)
    .route('/', notificationStreamRoutes(options.stream))
    .route('/', markAllReadRoutes)
    .route('/', inboxItemRoutes);
}
