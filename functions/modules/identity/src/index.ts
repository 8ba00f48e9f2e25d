import { createRouter, type PlazaModule } from '@plaza/runtime';
import { meRoutes } from './me-route.ts';
import { myPermissionsRoutes } from './my-permissions-route.ts';
import { updateMeRoutes } from './update-me-route.ts';

/** Who people are: profiles, `/v1/me`, and plaza.identity.* events. */
export const identityModule: PlazaModule = {
  name: 'identity',
  routes: createRouter().route('/', meRoutes).route('/', updateMeRoutes).route('/', myPermissionsRoutes),
};
