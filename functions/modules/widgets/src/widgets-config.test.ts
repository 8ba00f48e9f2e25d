import { describe, expect, it } from 'vitest';
import { loadWidgetsConfig } from './widgets-config.ts';

describe('loadWidgetsConfig', () => {
  it("defaults to Open-Meteo's public endpoints, a 3 s timeout and Berlin", () => {
    expect(loadWidgetsConfig({})).toEqual({
      forecastApiUrl: 'https://api.open-meteo.com',
      geocodingApiUrl: 'https://geocoding-api.open-meteo.com',
      timeoutMs: 3000,
      defaultCity: 'Berlin',
    });
  });

  it('reads the stand-in URLs and settings, trailing slashes trimmed', () => {
    const config = loadWidgetsConfig({
      OPEN_METEO_API_URL: 'http://127.0.0.1:9082/',
      OPEN_METEO_GEOCODING_URL: 'http://127.0.0.1:9082',
      WEATHER_TIMEOUT_MS: '500',
      WEATHER_DEFAULT_CITY: 'Paris',
    });
    expect(config).toEqual({ forecastApiUrl: 'http://127.0.0.1:9082', geocodingApiUrl: 'http://127.0.0.1:9082', timeoutMs: 500, defaultCity: 'Paris' });
  });

  it('names every bad variable at once', () => {
    expect(() => loadWidgetsConfig({ OPEN_METEO_API_URL: 'ftp://x', WEATHER_TIMEOUT_MS: 'soon' })).toThrow(/OPEN_METEO_API_URL[\s\S]*WEATHER_TIMEOUT_MS/);
  });
});
