export { createGateway } from './create-gateway.ts';
export { gatewayConfigSchema, type GatewayConfig } from './gateway-config.ts';
export { platformModules } from './platform-modules.ts';
