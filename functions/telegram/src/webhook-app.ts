import type { Logger } from '@plaza/runtime';
import { timingSafeEqual } from 'node:crypto';
import { webhookCallback, type Bot } from 'grammy';
import { Hono } from 'hono';
import { honoWebhookAdapter } from './hono-webhook-adapter.ts';
import { readIncomingUpdate } from './incoming-update.ts';

export interface WebhookAppOptions {
  readonly bot: Bot;
  readonly secretToken: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

const secretHeader = 'X-Telegram-Bot-Api-Secret-Token';

/**
 * The webhook as an HTTP app: `POST /` takes Telegram's updates, `GET /healthz` answers 200.
 * Before grammY sees a body: a wrong or missing secret is a 401 (no body read), and a body that
 * is no Update is a 200 with a log line, because Telegram redelivers anything else for a day and
 * nothing can make it valid. Then `webhookCallback(bot, adapter, { secretToken })` (grammY's 'hono'
 * adapter with its webhook-reply encoding fixed: hono-webhook-adapter.ts), which checks the
 * secret again, runs the bot and answers with a webhook reply or an empty 200. An update still
 * running after `timeoutMs` is answered 200 and logged (Telegram would redeliver it otherwise,
 * and the claim on its update_id would make that redelivery a no-op anyway).
 */
export function createWebhookApp({ bot, secretToken, timeoutMs, logger }: WebhookAppOptions): Hono {
  const handleUpdate = webhookCallback(bot, honoWebhookAdapter, {
    secretToken,
    timeoutMilliseconds: timeoutMs,
    onTimeout: () => logger.warn({ timeoutMs }, 'update still running at the webhook timeout; answered 200'),
  });
  const expected = Buffer.from(secretToken);
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok'));
  app.post('/', async (c) => {
    const presented = Buffer.from(c.req.header(secretHeader) ?? '');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      logger.warn({ secretPresent: c.req.header(secretHeader) !== undefined }, 'webhook call with a wrong or missing secret token refused');
      return c.body(null, 401);
    }
    const incoming = readIncomingUpdate(await c.req.text());
    if (!incoming.ok) {
      logger.warn({ reason: incoming.reason }, 'malformed update acknowledged and ignored');
      return c.body(null, 200);
    }
    try {
      return await handleUpdate(c, incoming.update);
    } catch (err) {
      // The claim was given back: Telegram redelivers after this 500 and the update runs again.
      logger.error({ err, updateId: incoming.updateId }, 'update failed; Telegram will redeliver it');
      return c.body(null, 500);
    }
  });
  app.notFound((c) => c.body(null, 404));
  return app;
}
