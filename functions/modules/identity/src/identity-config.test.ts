import { ConfigError } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { loadIdentityConfig } from './identity-config.ts';

describe('loadIdentityConfig', () => {
  it('on the Auth emulator, needs nothing and calls the emulator', () => {
    expect(loadIdentityConfig({ FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' })).toEqual({
      appUrl: 'http://127.0.0.1:5000',
      apiKey: 'emulator',
      identityToolkitUrl: 'http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1',
    });
  });

  it("against Google, calls Identity Toolkit with the project's key", () => {
    expect(loadIdentityConfig({ FIREBASE_API_KEY: 'AIza-key', APP_URL: 'https://plaza.example/' })).toEqual({
      appUrl: 'https://plaza.example',
      apiKey: 'AIza-key',
      identityToolkitUrl: 'https://identitytoolkit.googleapis.com/v1',
    });
  });

  it('says which variables are wrong and why', () => {
    const load = () => loadIdentityConfig({ APP_URL: 'ftp://plaza.example' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/APP_URL: /);
    expect(load).toThrow(/FIREBASE_API_KEY: is required outside the Auth emulator/);
  });
});
