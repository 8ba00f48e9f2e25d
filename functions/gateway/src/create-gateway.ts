import { createService, serviceIdentityHeaders, type PlazaModule } from '@plaza/runtime';
import type { GatewayConfig } from './gateway-config.ts';
import { forwardedModule } from './forwarded-module.ts';
import { platformModules } from './platform-modules.ts';

/**
 * The gateway: one service with every module's routes under /v1 and their push endpoints under
 * /_push. Topology is configuration: a module that TOPOLOGY_REMOTE_MODULES places in another
 * service is forwarded there instead of run here, and nothing else changes.
 */
export function createGateway(config: GatewayConfig, modules: readonly PlazaModule[] = platformModules) {
  const known = new Set(modules.map(({ name }) => name));
  const unknown = [...config.TOPOLOGY_REMOTE_MODULES.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`TOPOLOGY_REMOTE_MODULES names ${unknown.join(', ')}, but the modules are ${[...known].join(', ')}`);
  }
  const identityHeaders = serviceIdentityHeaders(config.TOPOLOGY_FORWARD_IDENTITY);
  const mounted = modules.map((module) => {
    const origin = config.TOPOLOGY_REMOTE_MODULES.get(module.name);
    return origin ? forwardedModule(module, origin, identityHeaders) : module;
  });
  // Firebase Hosting forwards /api/** with the prefix; the gateway answers with or without it.
  return createService({ name: 'gateway', config, modules: mounted, basePaths: ['/api'] });
}
