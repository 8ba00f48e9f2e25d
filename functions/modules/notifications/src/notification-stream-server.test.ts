import { createLogger, serve, type RunningServer } from '@plaza/runtime';
import { signUpUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inboxListeners } from './inbox-listeners.ts';
import { eventStreamReader } from './testing/event-stream-reader.ts';
import { bearer, notificationsService } from './testing/notifications-service.ts';

/**
 * The stream behind a real socket, as serve() runs it in production. The drain test comes last:
 * the drain is the whole process's (serviceDraining), and once it has begun every stream in this
 * process ends at once.
 */
let server: RunningServer;
const closed = vi.fn();

beforeAll(async () => {
  const openListeners = inboxListeners.open;
  vi.spyOn(inboxListeners, 'open').mockImplementation(async (uid, handlers) => {
    const close = await openListeners(uid, handlers);
    return () => {
      closed();
      close();
    };
  });
  server = await serve(notificationsService({ maxMs: 60_000 }), {
    port: 0,
    hostname: '127.0.0.1',
    drainTimeoutMs: 30_000,
    logger: createLogger({ service: 'notifications-test', level: 'silent' }),
  });
});

async function openStream() {
  const user = await signUpUser();
  const abort = new AbortController();
  const response = await fetch(`http://127.0.0.1:${server.port}/v1/notifications/stream`, { headers: bearer(user), signal: abort.signal });
  const events = eventStreamReader(response);
  await events.until((seen) => seen.some((event) => event.event === 'unread'));
  return { events, disconnect: () => abort.abort() };
}

describe('GET /v1/notifications/stream on a server', () => {
  it('removes its Firestore listeners when the client goes away', async () => {
    closed.mockClear();
    const { disconnect } = await openStream();
    expect(closed).not.toHaveBeenCalled();
    disconnect();
    await vi.waitFor(() => expect(closed).toHaveBeenCalledOnce());
  });

  it('ends at once when the service drains, listeners removed, so the drain does not wait out the stream', async () => {
    closed.mockClear();
    const { events } = await openStream();
    const draining = Date.now();
    await server.shutdown();
    expect(Date.now() - draining).toBeLessThan(5_000);
    expect(await events.next()).toBeUndefined();
    expect(closed).toHaveBeenCalledOnce();
  });
});
