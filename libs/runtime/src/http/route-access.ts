import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Permission } from '@plaza/contracts';
import type { Env } from 'hono';

/**
 * Who may call a route, declared as data on the route itself so that tools (the OpenAPI
 * document, the access-matrix tests) read it from the route table instead of trusting code.
 */
export type RouteAccess = 'public' | 'user' | { permission: Permission };

/** The OpenAPI extension that carries a route's RouteAccess into the document. */
export const routeAccessExtension = 'x-plaza-access';

export interface RouteAccessEntry {
  method: string;
  path: string;
  /** Undefined for a route registered without defineRoute: a hole the matrix test reports. */
  access: RouteAccess | undefined;
}

/** Every documented route of an app (modules mounted into it included) and its access policy. */
export function listRouteAccess<E extends Env>(app: OpenAPIHono<E>): RouteAccessEntry[] {
  return app.openAPIRegistry.definitions.flatMap((definition) =>
    definition.type === 'route'
      ? [
          {
            method: definition.route.method.toUpperCase(),
            path: definition.route.path,
            access: (definition.route as Record<string, unknown>)[routeAccessExtension] as RouteAccess | undefined,
          },
        ]
      : [],
  );
}
