import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '@plaza/runtime';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTelegramWebhook } from './create-webhook.ts';
import { telegramWebhookConfigSchema } from './webhook-config.ts';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;
let listener: RequestListener | undefined;

/**
 * The Cloud Functions (gen2) entry point, `entryPoint: telegramWebhook`: an HTTP function gets
 * Node's (Express-wrapped) request and response. @hono/node-server's listener serves the Hono app
 * on them, reading the body from `req.rawBody`, which the Functions Framework keeps after its
 * own body parsing. Config is read on the first call, so a misconfigured deploy fails loudly there.
 */
export function telegramWebhook(request: IncomingMessage, response: ServerResponse): Promise<void> {
  listener ??= getRequestListener(createTelegramWebhook(loadConfig(telegramWebhookConfigSchema)).fetch) as RequestListener;
  return listener(request, response);
}
