import type { PlazaModule } from '@plaza/runtime';
import { notificationsRoutes } from './notifications-routes.ts';
import { onUserDeleted } from './on-user-deleted.ts';
import { onUserRegistered } from './on-user-registered.ts';

/** What people are told: the inbox, its routes under `/v1/notifications`, and the consumers that fill it. */
export const notificationsModule: PlazaModule = {
  name: 'notifications',
  routes: notificationsRoutes(),
  consumers: [onUserRegistered, onUserDeleted],
};
