import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { createLogger } from '../../logging/logger.ts';
import { serve } from '../serve.ts';
import { serviceDraining } from '../service-draining.ts';

// A server process for serve.test.ts: GET /slow?ms=N answers after N ms, and GET /stream streams
// until the drain begins; each says when it has begun, so the test signals the process while the
// request is surely in flight.
const logger = createLogger({ service: 'slow-server' });
const app = new Hono();
app.get('/slow', async (c) => {
  logger.info('slow request started');
  await new Promise((resolve) => setTimeout(resolve, Number(c.req.query('ms'))));
  return c.text('finished');
});
app.get('/stream', (c) =>
  stream(c, async (body) => {
    logger.info('stream started');
    await body.write('open;');
    await new Promise((resolve) => serviceDraining.addEventListener('abort', resolve, { once: true }));
    await body.write('drained');
  }),
);

await serve(app, {
  port: 0,
  hostname: '127.0.0.1',
  drainTimeoutMs: Number(process.env.DRAIN_TIMEOUT_MS),
  logger,
  onShutdown: () => logger.info('shutdown hook ran'),
});
