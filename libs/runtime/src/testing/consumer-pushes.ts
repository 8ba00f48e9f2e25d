import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Consumer } from '../events/define-consumer.ts';
import { eventRoutes } from '../events/event-routes.ts';
import { withServiceContext } from '../events/test-support.ts';
import type { AppEnv } from '../http/app-env.ts';

export interface PushOptions {
  /** Pub/Sub's id for this delivery; a fresh one by default, the same one for a redelivery. */
  readonly messageId?: string;
  readonly deliveryAttempt?: number;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** What Pub/Sub POSTs to a push endpoint carrying `event` (anything, to test what is refused). */
export function pushRequestBody(consumer: Consumer, event: unknown, options: PushOptions = {}): string {
  return JSON.stringify({
    message: {
      data: Buffer.from(JSON.stringify(event)).toString('base64'),
      messageId: options.messageId ?? randomUUID(),
      ...(options.attributes ? { attributes: options.attributes } : {}),
    },
    subscription: `projects/demo-plaza/subscriptions/${consumer.name}`,
    ...(options.deliveryAttempt === undefined ? {} : { deliveryAttempt: options.deliveryAttempt }),
  });
}

/** POSTs a push for `event` to the consumer's endpoint on `app`. */
export function pushEvent(app: Hono<AppEnv>, consumer: Consumer, event: unknown, options: PushOptions = {}): Promise<Response> {
  return Promise.resolve(
    app.request(consumer.subscription.pushPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: pushRequestBody(consumer, event, options),
    }),
  );
}

/**
 * Delivers events to one consumer in process, as Pub/Sub's push would, behind the request id,
 * logger and problem rendering the service gives it. Push authentication is off: the runtime
 * tests it on its own.
 */
export function consumerPushes(consumer: Consumer): (event: unknown, options?: PushOptions) => Promise<Response> {
  const app = withServiceContext(eventRoutes({ consumers: [consumer], pushAuth: { mode: 'none' } }));
  return (event, options) => pushEvent(app, consumer, event, options);
}
