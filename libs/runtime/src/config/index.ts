export { loadConfig, ConfigError } from './load-config.ts';
export { serviceConfigSchema, type ServiceConfig } from './service-config.ts';
export { projectIdFrom, localProjectId } from './project-id.ts';
