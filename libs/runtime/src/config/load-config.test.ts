import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config.ts';
import { serviceConfigSchema } from './service-config.ts';

describe('loadConfig', () => {
  it('fills the defaults of the service schema', () => {
    const config = loadConfig(serviceConfigSchema, {});
    expect(config).toMatchObject({
      PORT: 8080,
      GOOGLE_CLOUD_PROJECT: 'demo-plaza',
      CORS_ORIGINS: [],
      TRUSTED_PROXY_HOPS: 0,
      PUSH_AUTH: 'oidc',
    });
  });

  it('parses a list of origins', () => {
    const config = loadConfig(serviceConfigSchema, { CORS_ORIGINS: 'https://plaza.example, http://localhost:5000' });
    expect(config.CORS_ORIGINS).toEqual(['https://plaza.example', 'http://localhost:5000']);
  });

  it('lists every bad variable in one readable error', () => {
    const load = () =>
      loadConfig(serviceConfigSchema.extend({ TELEGRAM_TOKEN: z.string().min(1) }), {
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        CORS_ORIGINS: 'https://ok.example,https://bad.example/path',
      });
    expect(load).toThrow(ConfigError);
    const message = (() => {
      try {
        load();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid configuration \(4 problems\):/);
    for (const variable of ['PORT', 'LOG_LEVEL', 'CORS_ORIGINS.1', 'TELEGRAM_TOKEN']) {
      expect(message).toContain(`  - ${variable}: `);
    }
    expect(message).toContain('bare origin');
  });
});
