import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Consumer } from './define-consumer.ts';
import { verifyPushToken, type PushAuthOptions } from './push-authentication.ts';
import { sweepOutbox, type SweepOutboxOptions } from './sweep-outbox.ts';

export interface EventRoutesOptions {
  readonly consumers: readonly Consumer[];
  readonly pushAuth: PushAuthOptions;
  readonly sweep?: SweepOutboxOptions;
}

/** Where Cloud Scheduler asks for an outbox sweep. */
export const outboxSweepPath = '/_internal/outbox/sweep';

/**
 * The private endpoints a service mounts (`app.route('/', eventRoutes(...))`): each consumer's
 * push endpoint and the outbox sweep, all behind the OIDC check, since only Pub/Sub and Cloud
 * Scheduler may call them. Middleware is scoped to the private prefixes so mounting this at the
 * root leaves the public routes alone.
 */
export function eventRoutes(options: EventRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const verify = verifyPushToken(options.pushAuth);
  app.use('/_push/*', verify);
  app.use('/_internal/*', verify);
  for (const consumer of options.consumers) app.post(consumer.subscription.pushPath, consumer.handler);
  app.post(outboxSweepPath, async (c) => {
    const outcome = await sweepOutbox({ logger: c.var.logger, ...options.sweep });
    return c.json(outcome);
  });
  return app;
}
