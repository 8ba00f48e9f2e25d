import { createService, firestore, loadConfig, serviceConfigSchema } from '@plaza/runtime';
import type { EmulatorUser } from '@plaza/runtime/testing';
import type { StoredInboxItem } from '../inbox-item.ts';
import { inboxRepository } from '../inbox-repository.ts';
import type { NotificationStreamSettings } from '../notification-stream.ts';
import { notificationsRoutes } from '../notifications-routes.ts';

// Offline, the Google clients' probe of the GCE metadata server fails only after a delay.
process.env.METADATA_SERVER_DETECTION ??= 'none';

/** A service with the notifications routes only, on the emulators, in process. */
export function notificationsService(stream: Partial<NotificationStreamSettings> = {}, env: Record<string, string> = {}) {
  const settings = { maxMs: 10_000, keepaliveMs: 20_000, ...stream };
  return createService({
    name: 'notifications-test',
    config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'demo-plaza', LOG_LEVEL: 'silent', ...env }),
    modules: [{ name: 'notifications', routes: notificationsRoutes({ stream: { settings: () => settings } }) }],
  });
}

export const bearer = (user: EmulatorUser | undefined): Record<string, string> => (user ? { authorization: `Bearer ${user.idToken}` } : {});

let sequence = 0;

/** An unread item created at `at`, with a fresh id. */
export function testItem(at: Date = new Date()): { id: string; item: StoredInboxItem } {
  sequence += 1;
  return { id: `item-${Date.now()}-${sequence}`, item: { kind: 'test', title: `#${sequence}`, body: '', createdAt: at.toISOString(), readAt: null } };
}

/** Puts items in an inbox as the consumer does, one transaction each; returns their ids. */
export async function putItems(uid: string, items: readonly { id: string; item: StoredInboxItem }[]): Promise<string[]> {
  const db = await firestore();
  for (const { id, item } of items) await db.runTransaction((tx) => inboxRepository.putIn(tx, uid, id, item));
  return items.map(({ id }) => id);
}
