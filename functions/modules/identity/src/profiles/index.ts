import { createRouter } from '@plaza/runtime';
import { getUserRoutes } from './get-user-route.ts';
import { searchUsersRoutes } from './search-users-route.ts';
import { updateProfileRoutes } from './update-profile-route.ts';
import { usernameAvailabilityRoutes } from './username-availability-route.ts';

/** Profiles: `PATCH /v1/me/profile`, username availability, public lookup and search. */
export const profileRoutes = createRouter()
  .route('/', updateProfileRoutes)
  .route('/', usernameAvailabilityRoutes)
  .route('/', getUserRoutes)
  .route('/', searchUsersRoutes);
