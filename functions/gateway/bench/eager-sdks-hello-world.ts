import { serve } from '@hono/node-server';
import { Hono } from 'hono';
// What the gateway would pay if it imported the SDKs up front: the baseline plus these imports.
import 'firebase-admin/app';
import 'firebase-admin/auth';
import 'firebase-admin/firestore';
import '@google-cloud/pubsub';

const app = new Hono();
app.get('/healthz', (c) => c.text('ok'));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) });
