import { createRouter, type PlazaModule } from '@plaza/runtime';
import { accountRoutes } from './account/account-routes.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { onUserDeleted } from './deletion/on-user-deleted.ts';
import { meRoutes } from './profiles/me-route.ts';
import { myPermissionsRoutes } from './roles/my-permissions-route.ts';
import { profileRoutes } from './profiles/index.ts';
import { sessionRoutes } from './sessions/index.ts';

/** Who people are: profiles, `/v1/me`, and plaza.identity.* events. */
export const identityModule: PlazaModule = {
  name: 'identity',
  routes: createRouter().route('/', meRoutes).route('/', profileRoutes).route('/', myPermissionsRoutes).route('/', adminRoutes).route('/', accountRoutes).route('/', sessionRoutes),
  consumers: [onUserDeleted],
};

/** Read-only, for other modules (the Telegram bot's /me): see README, "For other modules". */
export { findProfileSummary, type ProfileSummary } from './profiles/profile-summary.ts';
