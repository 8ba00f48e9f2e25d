import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ProblemDetails, problemContentType } from '@plaza/contracts';
import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { requirePermission } from '../auth/require-permission.ts';
import { requireUser } from '../auth/require-user.ts';
import type { AppEnv, AuthenticatedEnv } from './app-env.ts';
import { rateLimit, type RateLimitOptions } from './rate-limit.ts';
import { routeAccessExtension, type RouteAccess } from './route-access.ts';
import { signedInSecurity } from './security-schemes.ts';

export type PlazaRouteConfig = Omit<RouteConfig, 'middleware' | 'security'> & {
  access: RouteAccess;
  /** A stricter limit for this route, on top of the service-wide one. */
  rateLimit?: RateLimitOptions;
};

// Every route can fail with a problem; documenting it once here keeps route files about their own answers.
const problemResponses = {
  default: {
    description: 'An error, as RFC 9457 problem details with a stable `code`.',
    content: { [problemContentType]: { schema: ProblemDetails } },
  },
} as const;

type EnvFor<Access extends RouteAccess> = Access extends 'public' ? AppEnv : AuthenticatedEnv;

/**
 * createRoute with the access policy as data: the route gets the matching guard (so the
 * handler of a signed-in route sees `c.var.user` as defined), its OpenAPI `security`, and the
 * policy itself under `x-plaza-access`.
 */
export function defineRoute<const R extends PlazaRouteConfig>({ access, rateLimit: limit, ...route }: R) {
  const stack: MiddlewareHandler[] = [];
  if (access === 'user') stack.push(requireUser());
  else if (access !== 'public') stack.push(requirePermission(access.permission));
  if (limit) stack.push(rateLimit(limit));
  const middleware = (stack.length === 1 ? stack[0] : every(...stack)) as MiddlewareHandler<EnvFor<R['access']>>;
  return createRoute({
    ...(route as Omit<R, 'access' | 'rateLimit'>),
    middleware,
    security: access === 'public' ? [] : signedInSecurity,
    responses: { ...route.responses, ...problemResponses } as R['responses'] & typeof problemResponses,
    [routeAccessExtension]: access,
  });
}
