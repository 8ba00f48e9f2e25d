import { createRouter } from '@plaza/runtime';
import { createSessionRoutes } from './create-session-route.ts';
import { csrfTokenRoutes } from './csrf-token-route.ts';
import { endSessionRoutes } from './end-session-route.ts';
import { logoutAllRoutes } from './logout-all-route.ts';
import { permissionCheckRoutes } from './permission-check-route.ts';

/** Session cookies and their CSRF tokens, logging out, and the permission check (see the module README). */
export const sessionRoutes = createRouter()
  .route('/', createSessionRoutes)
  .route('/', endSessionRoutes)
  .route('/', csrfTokenRoutes)
  .route('/', logoutAllRoutes)
  .route('/', permissionCheckRoutes);
