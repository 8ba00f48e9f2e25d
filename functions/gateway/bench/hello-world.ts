import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The baseline: the smallest Hono server on @hono/node-server, bundled like the gateway.
const app = new Hono();
app.get('/healthz', (c) => c.text('ok'));
app.get('/hello', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) });
