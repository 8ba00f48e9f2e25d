import { settingNames } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { settingsSchema, StackConfigError } from './config.ts';
import { testConfig } from './testing/stack-config.ts';

const problemsOf = (overrides: Record<string, unknown>): string => {
  try {
    testConfig(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(StackConfigError);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
};

describe('stack config', () => {
  it('accepts a complete config and fills in the defaults', () => {
    const config = testConfig();
    expect(config).toMatchObject({
      project: 'plaza-test',
      region: 'europe-west1',
      foundationOnly: false,
      gateway: { minInstances: 0, maxInstances: 10, cpu: '1', memory: '512Mi' },
      splitModules: {},
      outboxSweepSchedule: '* * * * *',
      settings: { ACCESS_ALLOWLIST: '' },
    });
  });

  it('has one settings key per setting the modules read', () => {
    expect(Object.keys(settingsSchema.shape).sort()).toEqual([...settingNames].sort());
  });

  it('names the key and the fix when the image is missing or not by digest', () => {
    expect(problemsOf({ 'plaza:gatewayImage': undefined })).toContain(
      'plaza:gatewayImage: required: the gateway image by digest (release.yml passes it); for the very first run set plaza:foundationOnly true',
    );
    expect(problemsOf({ 'plaza:gatewayImage': 'europe-west1-docker.pkg.dev/p/plaza/gateway:latest' })).toContain(
      'plaza:gatewayImage: an image by digest: <registry>/<path>@sha256:<64 hex digits>, never a tag',
    );
    expect(testConfig({ 'plaza:gatewayImage': undefined, 'plaza:foundationOnly': true }).gatewayImage).toBeUndefined();
  });

  it('lists every problem at once, each under its Pulumi key', () => {
    const message = problemsOf({
      'gcp:region': 'Europe',
      'plaza:settings': { APP_URL: 'http://insecure.example', MAIL_FROM: 'Plaza <a@b.c>' },
      'plaza:splitModules': { chat: {} },
      'plaza:gateway': { minInstances: 5, maxInstances: 2 },
    });
    expect(message.split('\n')[0]).toBe('Invalid Pulumi config for this stack:');
    expect(message).toContain('gcp:region: a Google Cloud region such as europe-west1');
    expect(message).toMatch(/plaza:settings\.APP_URL: .+/);
    expect(message).toMatch(/plaza:settings\.FIREBASE_API_KEY: .+/);
    expect(message).toContain('plaza:splitModules.chat: "chat" is not a module; the modules are identity, notifications, mailer, widgets');
    expect(message).toContain('plaza:gateway: minInstances must not exceed maxInstances');
  });

  it('refuses unknown keys, so a typo is not silently ignored', () => {
    expect(problemsOf({ 'plaza:gatewayimage': 'x' })).toContain('plaza: Unrecognized key: "gatewayimage"');
  });

  it('asks for the OAuth client secret with its client id', () => {
    expect(problemsOf({ 'plaza:auth': { google: { clientId: 'id.apps.googleusercontent.com' } } })).toContain(
      'plaza:googleClientSecret: required with auth.google.clientId: pulumi config set --secret plaza:googleClientSecret <secret>',
    );
  });
});
