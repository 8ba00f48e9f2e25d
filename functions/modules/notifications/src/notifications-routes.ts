import { createRouter } from '@plaza/runtime';
import { inboxItemRoutes } from './inbox-item-routes.ts';
import { listNotificationsRoutes } from './list-notifications-route.ts';
import { markAllReadRoutes } from './mark-all-read-route.ts';
import { unreadCountRoutes } from './unread-count-route.ts';

/** The inbox API under `/v1/notifications` (see the module README). */
export function notificationsRoutes() {
  return createRouter()
    .route('/', listNotificationsRoutes)
    .route('/', unreadCountRoutes)
    .route('/', markAllReadRoutes)
    .route('/', inboxItemRoutes);
}
