import { loadConfig } from '@plaza/runtime';
import { createGateway } from '../src/create-gateway.ts';
import { gatewayConfigSchema } from '../src/gateway-config.ts';

/**
 * The gateway's OpenAPI document, as `GET /v1/openapi.json` serves it, built in-process: no
 * emulator and no network, so generating the typed client needs nothing running.
 */
export async function gatewayOpenApiDocument(): Promise<unknown> {
  const config = loadConfig(gatewayConfigSchema, { TOPOLOGY_FORWARD_IDENTITY: 'none', PUSH_AUTH: 'none', LOG_LEVEL: 'silent', PORT: '0' });
  const response = await createGateway(config).request('/v1/openapi.json');
  if (!response.ok) throw new Error(`GET /v1/openapi.json answered ${response.status}`);
  return response.json();
}
