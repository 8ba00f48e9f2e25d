import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Consumer } from '../events/index.ts';
import type { AppEnv } from './app-env.ts';

/**
 * A business capability as the service mounts it: routes relative to `/v1` (a module
 * declares `/me`, callers reach `/v1/me`) and the event consumers it owns.
 */
export interface PlazaModule {
  name: string;
  routes?: OpenAPIHono<AppEnv>;
  consumers?: Consumer[];
}
