import type { PlazaModule } from '@plaza/runtime';
import { notificationsRoutes } from './list-notifications-route.ts';
import { onUserDeleted } from './on-user-deleted.ts';
import { onUserRegistered } from './on-user-registered.ts';

/** What people are told: the inbox, `GET /v1/notifications`, and the consumers that fill it. */
export const notificationsModule: PlazaModule = {
  name: 'notifications',
  routes: notificationsRoutes,
  consumers: [onUserRegistered, onUserDeleted],
};
