import { ConfigError, loadConfig } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { mailerConfigSchema } from './mailer-config.ts';

describe('mailerConfigSchema', () => {
  it('needs SMTP_URL and says what to put there', () => {
    expect(() => loadConfig(mailerConfigSchema, {})).toThrow(ConfigError);
    expect(() => loadConfig(mailerConfigSchema, {})).toThrow(/SMTP_URL: is required to send mail: smtp:\/\/user:password@host:port/);
  });

  it('refuses a URL of another scheme', () => {
    expect(() => loadConfig(mailerConfigSchema, { SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it('defaults the sender and the dashboard origin, without a trailing slash', () => {
    expect(loadConfig(mailerConfigSchema, { SMTP_URL: 'smtp://127.0.0.1:2525' })).toEqual({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Plaza <no-reply@plaza.local>',
      APP_URL: 'http://127.0.0.1:5000',
    });
    expect(loadConfig(mailerConfigSchema, { SMTP_URL: 'smtps://u:p@mail.example:465', APP_URL: 'https://plaza.example/' }).APP_URL).toBe(
      'https://plaza.example',
    );
  });
});
