import { describe, expect, it } from 'vitest';
import { clearOpenMeteoFaults, failOpenMeteo, openMeteoRequests } from '../../src/testing/index.ts';

/**
 * The Open-Meteo stand-in over plain HTTP, as any client sees it: the forecast and geocoding
 * shapes, Open-Meteo's 400s, and the control API. Locations are this file's own.
 */
function baseUrl(variable: 'OPEN_METEO_API_URL' | 'OPEN_METEO_GEOCODING_URL'): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run through \`vitest --project emulators:conformance\``);
  return url;
}
const get = (path: string, variable: 'OPEN_METEO_API_URL' | 'OPEN_METEO_GEOCODING_URL' = 'OPEN_METEO_API_URL', init?: RequestInit) =>
  fetch(new URL(path, baseUrl(variable)), init);

describe('GET /v1/forecast', () => {
  it("answers current and hourly data in Open-Meteo's shape", async () => {
    const response = await get(
      '/v1/forecast?latitude=-12.46&longitude=130.84&current=temperature_2m,weather_code,wind_speed_10m,is_day&hourly=temperature_2m,weather_code,precipitation_probability&forecast_hours=4&timezone=auto',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as Record<string, unknown> & { hourly: Record<string, unknown[]>; current: Record<string, unknown> };
    expect(body).toMatchObject({
      latitude: -12.46,
      longitude: 130.84,
      timezone: 'GMT',
      utc_offset_seconds: 0,
      current_units: { time: 'iso8601', interval: 'seconds', temperature_2m: '°C', weather_code: 'wmo code', wind_speed_10m: 'km/h', is_day: '' },
      hourly_units: { time: 'iso8601', temperature_2m: '°C', weather_code: 'wmo code', precipitation_probability: '%' },
    });
    expect(body.current).toMatchObject({ interval: 900 });
    expect(body.current.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:(00|15|30|45)$/);
    for (const series of ['time', 'temperature_2m', 'weather_code', 'precipitation_probability']) expect(body.hourly[series]).toHaveLength(4);
  });

  it('answers 400 with a reason for bad parameters', async () => {
    const response = await get('/v1/forecast?latitude=95&longitude=0');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: true, reason: 'Latitude must be in range of -90 to 90°. Given: 95.0.' });
  });
});

describe('GET /v1/search', () => {
  it('finds cities and leaves results out when nothing matches', async () => {
    const found = (await (await get('/v1/search?name=Paris&count=1&language=en&format=json', 'OPEN_METEO_GEOCODING_URL')).json()) as {
      results: Record<string, unknown>[];
    };
    expect(found.results).toEqual([expect.objectContaining({ name: 'Paris', country: 'France', country_code: 'FR', timezone: 'Europe/Paris', latitude: 48.85341 })]);
    const none = await (await get('/v1/search?name=Xyzzyville', 'OPEN_METEO_GEOCODING_URL')).json();
    expect(none).not.toHaveProperty('results');
  });
});

describe('control API', () => {
  it('counts requests by location', async () => {
    await get('/v1/forecast?latitude=-41.29&longitude=174.78&current=temperature_2m');
    await get('/v1/forecast?latitude=-41.29&longitude=174.78&current=temperature_2m');
    const requests = await openMeteoRequests({ latitude: -41.29, longitude: 174.78 });
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ path: '/v1/forecast', latitude: -41.29, longitude: 174.78 });
  });

  it('fails matching requests with a 500 for as many times as asked', async () => {
    await failOpenMeteo({ mode: 'error', latitude: -41.3, longitude: 174.7, times: 1 });
    const failed = await get('/v1/forecast?latitude=-41.3&longitude=174.7&current=temperature_2m');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: true });
    expect((await get('/v1/forecast?latitude=-41.3&longitude=174.7&current=temperature_2m')).status).toBe(200);
  });

  it('holds a hanging request until the client gives up, and fails a city lookup by name', async () => {
    await failOpenMeteo({ mode: 'hang', latitude: -41.31, longitude: 174.71 });
    const outcome = await get('/v1/forecast?latitude=-41.31&longitude=174.71', 'OPEN_METEO_API_URL', { signal: AbortSignal.timeout(200) }).then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    expect(outcome).toBe('TimeoutError');
    await clearOpenMeteoFaults({ latitude: -41.31, longitude: 174.71 });
    expect((await get('/v1/forecast?latitude=-41.31&longitude=174.71')).status).toBe(200);

    await failOpenMeteo({ mode: 'error', name: 'Wellington-test', times: 1 });
    expect((await get('/v1/search?name=wellington-test', 'OPEN_METEO_GEOCODING_URL')).status).toBe(500);
  });
});
