import { serviceConfigSchema } from '@plaza/runtime';
import { z } from 'zod';
import { remoteModulesSchema } from './remote-modules-config.ts';

/** The gateway's environment: the service basics plus where, if anywhere, modules run elsewhere. */
export const gatewayConfigSchema = serviceConfigSchema.extend({
  TOPOLOGY_REMOTE_MODULES: remoteModulesSchema,
  /**
   * How the gateway proves itself to the services it forwards to: a Google ID token, as private
   * Cloud Run services require, or nothing where no one checks (local runs and tests).
   */
  TOPOLOGY_FORWARD_IDENTITY: z.enum(['google-id-token', 'none']).default('google-id-token'),
  /** Every interface, as Cloud Run needs; 127.0.0.1 for a benchmark or a shared machine. */
  HOST: z.string().min(1).default('0.0.0.0'),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
