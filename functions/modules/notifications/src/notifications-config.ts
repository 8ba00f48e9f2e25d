import { loadConfig } from '@plaza/runtime';
import { z } from 'zod';

/** The notifications module's settings, apart from the service's; read on first use, not at import. */
export const notificationsConfigSchema = z.object({
  /**
   * How long one `GET /v1/notifications/stream` lasts before it ends by itself and EventSource
   * reconnects: Firebase Hosting cuts a request it rewrites to Cloud Run at 60 s.
   */
  NOTIFICATION_STREAM_MAX_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(50_000),
});

export type NotificationsConfig = z.output<typeof notificationsConfigSchema>;

let loaded: NotificationsConfig | undefined;

export function notificationsConfigFromEnvironment(): NotificationsConfig {
  loaded ??= loadConfig(notificationsConfigSchema, process.env);
  return loaded;
}
