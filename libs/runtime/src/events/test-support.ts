import { serve } from '@hono/node-server';
import { PubSub, v1 } from '@google-cloud/pubsub';
import { Firestore } from 'firebase-admin/firestore';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import type { AppEnv } from '../http/app-env.ts';
import { ProblemError } from '../http/problem-error.ts';
import { problemResponse } from '../http/problem-response.ts';
import { createLogger } from '../logging/logger.ts';

/**
 * What the events tests share: clients of the real emulator suite (started by the platform
 * project's global setup) in a project of the test file's own, and a tiny service around the
 * event routes with the context the real service stack provides.
 */
process.env.METADATA_SERVER_DETECTION ??= 'none';

export const silentLogger = createLogger({ service: 'events-test', level: 'silent' });

/** A project no other test file (or earlier run) uses, so files never see each other's data. */
export function uniqueProjectId(label: string): string {
  return `demo-${label}-${Date.now().toString(36)}-${process.pid}`;
}

/** Firestore and Pub/Sub clients for one test file; the project is emptied and the clients closed after it. */
export interface EmulatorClients {
  readonly projectId: string;
  readonly db: Firestore;
  readonly pubsub: PubSub;
  /** The generated client, for unary pulls the handwritten client does not offer. */
  subscriber(): Promise<v1.SubscriberClient>;
}

/** Firestore and Pub/Sub clients for one test file; the project is emptied and the clients closed after it. */
export function useEmulators(label: string): EmulatorClients {
  const projectId = uniqueProjectId(label);
  const db = new Firestore({ projectId });
  const pubsub = new PubSub({ projectId });
  let subscriber: Promise<v1.SubscriberClient> | undefined;
  afterAll(async () => {
    await fetch(`http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`, {
      method: 'DELETE',
    });
    await Promise.all([db.terminate(), pubsub.close(), subscriber?.then((client) => client.close())]);
  });
  return {
    projectId,
    db,
    pubsub,
    subscriber: () =>
      (subscriber ??= pubsub.getClientConfig().then(({ port, ...options }) => new v1.SubscriberClient({ ...options, port: Number(port) }))),
  };
}

/** Wraps routes with the request id, logger and problem rendering the real service gives them. */
export function withServiceContext(routes: Hono<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('requestId', 'test-request');
    c.set('logger', silentLogger);
    await next();
  });
  app.route('/', routes);
  app.onError((error, c) =>
    error instanceof ProblemError ? problemResponse(c, error.status, error.code, error.detail) : problemResponse(c, 500, 'internal'),
  );
  return app;
}

/** Serves an app on 127.0.0.1 for pushes from the emulator; closed after the test file. */
export async function serveOnLoopback(app: Hono<AppEnv>): Promise<string> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Pulls what is waiting on a subscription now, acking it. */
export async function pullNow(subscriber: v1.SubscriberClient, subscription: string): Promise<{ data: string; attributes: Record<string, string> }[]> {
  const [response] = await subscriber.pull({ subscription, maxMessages: 100, returnImmediately: true });
  const received = response.receivedMessages ?? [];
  if (received.length > 0) await subscriber.acknowledge({ subscription, ackIds: received.map((m) => m.ackId!) });
  return received.map(({ message }) => ({
    data: Buffer.from(message?.data ?? '').toString('utf8'),
    attributes: { ...(message?.attributes ?? {}) },
  }));
}
