import { createRouter } from '@plaza/runtime';
import { applyActionRoutes } from './apply-action-route.ts';
import { changeEmailRoutes } from './change-email-route.ts';
import { changePasswordRoutes } from './change-password-route.ts';
import { requestPasswordResetRoutes } from './request-password-reset-route.ts';
import { requestVerificationRoutes } from './request-verification-route.ts';

/** The account flows that go through email, and password changes (see the module README). */
export const accountRoutes = createRouter()
  .route('/', requestVerificationRoutes)
  .route('/', requestPasswordResetRoutes)
  .route('/', applyActionRoutes)
  .route('/', changePasswordRoutes)
  .route('/', changeEmailRoutes);
