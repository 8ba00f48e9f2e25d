import { loadConfig, serve, startOutboxSweeper } from '@plaza/runtime';
import { createGateway } from './create-gateway.ts';
import { gatewayConfigSchema } from './gateway-config.ts';

// The deployable's entry point: esbuild bundles this file into dist/index.mjs for Cloud Run.
const config = loadConfig(gatewayConfigSchema);
// In production Cloud Scheduler calls the sweep route (interval 0); a self-hosted gateway can sweep itself.
const sweeper = config.OUTBOX_SWEEP_INTERVAL_MS > 0 ? startOutboxSweeper({ intervalMs: config.OUTBOX_SWEEP_INTERVAL_MS }) : undefined;
await serve(createGateway(config), { port: config.PORT, hostname: config.HOST, onShutdown: () => sweeper?.stop() });
