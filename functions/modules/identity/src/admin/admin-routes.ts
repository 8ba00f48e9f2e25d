import { createRouter } from '@plaza/runtime';
import { deleteAccountRoutes } from '../deletion/delete-account-routes.ts';
import { accessRoutes } from './access-routes.ts';
import { auditRoutes } from './audit-route.ts';
import { usersRoutes } from './users-routes.ts';

/** `/v1/admin/*` and `DELETE /v1/me`: accounts, roles, suspension, deletion, the audit log. */
export const adminRoutes = createRouter()
  .route('/', usersRoutes)
  .route('/', accessRoutes)
  .route('/', deleteAccountRoutes)
  .route('/', auditRoutes);
