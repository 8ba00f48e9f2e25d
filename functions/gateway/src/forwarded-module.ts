import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRouter, ProblemError, type AppEnv, type PlazaModule, type ServiceIdentityHeaders } from '@plaza/runtime';
import type { Context } from 'hono';
import { proxy } from 'hono/proxy';

/**
 * The stand-in for a module that runs in another service: the same paths, each forwarded there
 * unchanged (method, path, query, headers, body), and the answer passed back as it came, status
 * and headers included. The remote service runs the module's own middleware and guards, so
 * authorization happens once, where the data is. The API document does not depend on the topology.
 *
 * Consumers are left out: their push subscriptions point at the service that runs the module.
 * The remote service is private: each forwarded call carries the gateway's own identity too.
 */
export function forwardedModule(module: PlazaModule, origin: string, identityHeaders: ServiceIdentityHeaders): PlazaModule {
  const router = createRouter();
  if (module.routes) {
    // The module's own registry, so the forwarded routes are documented exactly as the module documents them.
    router.openAPIRegistry = module.routes.openAPIRegistry;
    for (const path of routedPaths(module.routes)) router.all(path, (c) => forward(c, origin, module.name, identityHeaders));
  }
  return { name: module.name, routes: router };
}

/** Every concrete path the module serves; wildcard middleware paths (`*`, `/*`) route nothing themselves. */
function routedPaths(routes: OpenAPIHono<AppEnv>): string[] {
  return [...new Set(routes.routes.map((route) => route.path))].filter((path) => !path.endsWith('*'));
}

async function forward(c: Context<AppEnv>, origin: string, moduleName: string, identityHeaders: ServiceIdentityHeaders): Promise<Response> {
  const incoming = new URL(c.req.url);
  const target = new URL(`${incoming.pathname}${incoming.search}`, origin);
  try {
    return await proxy(target, {
      raw: c.req.raw,
      headers: {
        ...c.req.header(),
        // The remote logs under the same id, so one request reads as one story across services.
        'x-request-id': c.var.requestId,
        'x-forwarded-host': c.req.header('host'),
        host: undefined,
        ...(await identityHeaders(origin)),
      },
    });
  } catch (error) {
    c.var.logger.error({ err: error, module: moduleName, target: target.origin }, 'forwarding failed');
    throw new ProblemError(503, 'unavailable', `The ${moduleName} service did not answer; try again shortly.`, {
      headers: { 'Retry-After': '5' },
    });
  }
}
