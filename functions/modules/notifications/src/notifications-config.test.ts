import { ConfigError, loadConfig } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { notificationsConfigSchema } from './notifications-config.ts';

describe('notifications config', () => {
  it('ends streams after 50 s by default, inside Firebase Hosting 60 s', () => {
    expect(loadConfig(notificationsConfigSchema, {}).NOTIFICATION_STREAM_MAX_MS).toBe(50_000);
    expect(loadConfig(notificationsConfigSchema, { NOTIFICATION_STREAM_MAX_MS: '20000' }).NOTIFICATION_STREAM_MAX_MS).toBe(20_000);
  });

  it.each(['0', '999', 'soon'])('refuses NOTIFICATION_STREAM_MAX_MS=%s', (value) => {
    expect(() => loadConfig(notificationsConfigSchema, { NOTIFICATION_STREAM_MAX_MS: value })).toThrow(ConfigError);
  });
});
