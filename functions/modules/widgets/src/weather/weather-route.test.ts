import { ProblemDetails, WeatherWidget } from '@plaza/contracts';
import { failOpenMeteo, openMeteoRequests } from '@plaza/emulators/testing';
import { createService, loadConfig, serviceConfigSchema } from '@plaza/runtime';
import { signUpUser, type EmulatorUser } from '@plaza/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWidgetsModule } from '../index.ts';
import { loadWidgetsConfig } from '../widgets-config.ts';
import { createOpenMeteoClient } from './open-meteo-client.ts';
import { firestoreWeatherCache } from './weather-cache.ts';
import { createWeatherService } from './weather-service.ts';
import { conditionOf } from './wmo-codes.ts';

/**
 * The weather widget on the real emulators: Firestore for the cache, Auth for the caller, and the
 * suite's Open-Meteo stand-in as the upstream (its request log proves what was fetched). Time is
 * the service's injected clock, moved by the tests. Each test asks for a place of its own, so
 * faults and request counts never meet another test's, in this file or a parallel one.
 */
const minute = 60_000;
let clock = Date.now();
const config = loadWidgetsConfig();
const weather = createWeatherService({
  client: createOpenMeteoClient({ ...config, timeoutMs: 400 }),
  cache: firestoreWeatherCache,
  now: () => clock,
});
const app = createService({
  name: 'widgets-test',
  config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'demo-plaza', LOG_LEVEL: 'silent' }),
  modules: [createWidgetsModule({ weather })],
});

let member: EmulatorUser;
beforeAll(async () => {
  member = await signUpUser({ displayName: 'Weather watcher' });
});

const getWeather = (query: string, user: EmulatorUser | null = member) =>
  app.request(`/v1/widgets/weather?${query}`, { headers: user ? { authorization: `Bearer ${user.idToken}` } : {} });

/**
 * A place no other test uses: random coordinates on the 0.01° grid the cache keys by, in the
 * Southern Ocean (60°S to 40°S), where no city the Open-Meteo stand-in knows is within its 2°, so
 * `timezone=auto` answers GMT.
 */
function uniquePlace(): { latitude: number; longitude: number; query: string } {
  const latitude = Math.round((Math.random() * 20 - 60) * 100) / 100;
  const longitude = Math.round((Math.random() * 340 - 170) * 100) / 100;
  return { latitude, longitude, query: `lat=${latitude}&lon=${longitude}` };
}

const forecastsAt = async (place: { latitude: number; longitude: number }) =>
  (await openMeteoRequests({ path: '/v1/forecast', latitude: place.latitude, longitude: place.longitude })).length;

async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ProblemDetails.parse(await response.json());
}

describe('GET /v1/widgets/weather', () => {
  it('needs a signed-in caller', async () => {
    const response = await getWeather(uniquePlace().query, null);
    expect(response.status).toBe(401);
  });

  it('fetches current conditions and the next hours from Open-Meteo on a miss', async () => {
    clock = Date.now();
    const place = uniquePlace();
    const response = await getWeather(`${place.query}&hours=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-status')).toBe('plaza-weather; fwd=miss; stored');
    const widget = WeatherWidget.parse(await response.json());
    expect(widget).toMatchObject({ stale: false, ageSeconds: 0, source: 'open-meteo' });
    expect(widget.location).toMatchObject({ latitude: place.latitude, longitude: place.longitude, name: null, timezone: 'GMT' });
    expect(widget.current.condition).toEqual(conditionOf(widget.current.condition.code));
    expect(widget.nextHours).toHaveLength(3);
    // The current hour first, then one an hour.
    expect(Date.parse(widget.nextHours[0]?.time ?? '')).toBe(Math.floor(clock / (60 * minute)) * 60 * minute);
    expect(Date.parse(widget.nextHours[1]?.time ?? '') - Date.parse(widget.nextHours[0]?.time ?? '')).toBe(60 * minute);
    expect(await forecastsAt(place)).toBe(1);
  });

  it('answers from the cache for 10 minutes, then fetches again', async () => {
    clock = Date.now();
    const place = uniquePlace();
    expect((await getWeather(place.query)).status).toBe(200);

    clock += 9 * minute + 59_000;
    const cached = await getWeather(place.query);
    expect(cached.headers.get('cache-status')).toBe('plaza-weather; hit; ttl=1');
    expect(cached.headers.get('age')).toBe('599');
    expect(WeatherWidget.parse(await cached.json())).toMatchObject({ stale: false, ageSeconds: 599 });
    expect(await forecastsAt(place)).toBe(1);

    clock += 1000;
    const refreshed = await getWeather(place.query);
    expect(refreshed.headers.get('cache-status')).toBe('plaza-weather; fwd=miss; stored');
    expect(WeatherWidget.parse(await refreshed.json()).ageSeconds).toBe(0);
    expect(await forecastsAt(place)).toBe(2);
  });

  it('shares one cached report between nearby points that round to the same place', async () => {
    clock = Date.now();
    const place = uniquePlace();
    await getWeather(place.query);
    const nearby = await getWeather(`lat=${place.latitude + 0.004}&lon=${place.longitude - 0.004}`);
    expect(nearby.headers.get('cache-status')).toContain('hit');
    expect(await forecastsAt(place)).toBe(1);
  });

  it('answers 502 upstream_failed when Open-Meteo fails and nothing is cached', async () => {
    clock = Date.now();
    const place = uniquePlace();
    await failOpenMeteo({ mode: 'error', latitude: place.latitude, longitude: place.longitude, times: 1 });
    const response = await getWeather(place.query);
    expect(response.status).toBe(502);
    expect((await problemOf(response)).code).toBe('upstream_failed');
  });

  it('answers 504 upstream_timeout when Open-Meteo does not answer in time and nothing is cached', async () => {
    clock = Date.now();
    const place = uniquePlace();
    await failOpenMeteo({ mode: 'hang', latitude: place.latitude, longitude: place.longitude, times: 1 });
    const response = await getWeather(place.query);
    expect(response.status).toBe(504);
    expect((await problemOf(response)).code).toBe('upstream_timeout');
  });

  it('serves the last report, marked stale with its age, when Open-Meteo fails or hangs after expiry', async () => {
    clock = Date.now();
    const place = uniquePlace();
    const fresh = WeatherWidget.parse(await (await getWeather(place.query)).json());

    clock += 30 * minute;
    await failOpenMeteo({ mode: 'error', latitude: place.latitude, longitude: place.longitude, times: 1 });
    const failed = await getWeather(place.query);
    expect(failed.status).toBe(200);
    expect(failed.headers.get('cache-status')).toBe('plaza-weather; hit; ttl=-1200; detail="upstream-unavailable"');
    const stale = WeatherWidget.parse(await failed.json());
    expect(stale).toMatchObject({ stale: true, ageSeconds: 1800, fetchedAt: fresh.fetchedAt, current: fresh.current });

    await failOpenMeteo({ mode: 'hang', latitude: place.latitude, longitude: place.longitude, times: 1 });
    const hung = await getWeather(place.query);
    expect(hung.status).toBe(200);
    expect(WeatherWidget.parse(await hung.json())).toMatchObject({ stale: true, ageSeconds: 1800 });
    expect(await forecastsAt(place)).toBe(3);
  });

  it('does not serve a report older than a day, even when Open-Meteo fails', async () => {
    clock = Date.now();
    const place = uniquePlace();
    await getWeather(place.query);
    clock += 24 * 60 * minute + 1000;
    await failOpenMeteo({ mode: 'error', latitude: place.latitude, longitude: place.longitude, times: 1 });
    const response = await getWeather(place.query);
    expect(response.status).toBe(502);
  });

  it('looks a city up, and names it in the answer', async () => {
    clock = Date.now();
    const response = await getWeather('city=reykjavik');
    expect(response.status).toBe(200);
    const widget = WeatherWidget.parse(await response.json());
    expect(widget.location).toMatchObject({ name: 'Reykjavík', country: 'Iceland', latitude: 64.14, longitude: -21.9, timezone: 'Atlantic/Reykjavik' });
    expect((await openMeteoRequests({ path: '/v1/search', name: 'reykjavik' })).length).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 not_found naming query.city for a place Open-Meteo does not know', async () => {
    const response = await getWeather('city=Atlantis');
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem.code).toBe('not_found');
    expect(problem.errors).toEqual([{ path: 'query.city', message: 'Unknown city' }]);
  });

  it('answers 502 when the city lookup fails and the city was never looked up', async () => {
    const city = `Nowhere${crypto.randomUUID().slice(0, 8)}`;
    await failOpenMeteo({ mode: 'error', name: city, times: 1 });
    const response = await getWeather(`city=${city}`);
    expect(response.status).toBe(502);
    expect((await problemOf(response)).code).toBe('upstream_failed');
  });

  it('is documented in the OpenAPI document with its query parameters', async () => {
    const document = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    expect(document.paths['/v1/widgets/weather']?.get?.parameters?.map((parameter) => parameter.name)).toEqual(['lat', 'lon', 'city', 'hours']);
  });

  it.each([
    ['lat=91&lon=0', 'query.lat'],
    ['lat=-90.5&lon=0', 'query.lat'],
    ['lat=0&lon=180.01', 'query.lon'],
    ['lat=north&lon=0', 'query.lat'],
    ['lat=&lon=', 'query.lat'],
    ['lat=1e1&lon=0', 'query.lat'],
    ['lat=10', 'query.lon'],
    ['lon=10', 'query.lat'],
    ['', 'query.lat'],
    ['lat=1&lon=1&city=Paris', 'query.city'],
    ['city=P', 'query.city'],
    ['lat=1&lon=1&hours=13', 'query.hours'],
  ])('answers 400 validation_failed for "%s", naming %s', async (query, field) => {
    const response = await getWeather(query);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => error.path)).toContain(field);
  });
});
