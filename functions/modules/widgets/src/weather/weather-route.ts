import { WeatherWidget } from '@plaza/contracts';
import { createRouter, defineRoute, ProblemError } from '@plaza/runtime';
import { z } from 'zod';
import { forecastHours } from './open-meteo-client.ts';
import { UpstreamError } from './upstream-error.ts';
import { CityNotFoundError, type CacheOutcome, type WeatherService } from './weather-service.ts';

// A plain decimal, not z.coerce.number(): coercion reads `lat=` as 0, a real place nobody asked for.
const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .regex(/^[-+]?\d{1,3}(\.\d+)?$/, 'Must be a decimal number of degrees')
    .transform(Number)
    .pipe(z.number().min(-limit).max(limit));

const weatherQuery = z
  .object({
    lat: coordinate(90).optional().describe('Latitude in degrees (-90..90), with lon; or give city'),
    lon: coordinate(180).optional().describe('Longitude in degrees (-180..180), with lat'),
    city: z.string().trim().min(2).max(100).optional().describe('A city name, looked up with Open-Meteo geocoding'),
    hours: z.coerce.number().int().min(1).max(forecastHours).default(6).describe('How many hours ahead, the current one first'),
  })
  .superRefine((query, context) => {
    const hasCoordinate = query.lat !== undefined || query.lon !== undefined;
    if (hasCoordinate && query.city !== undefined) {
      context.addIssue({ code: 'custom', path: ['city'], message: 'Give either lat and lon or city, not both' });
    } else if (!hasCoordinate && query.city === undefined) {
      context.addIssue({ code: 'custom', path: ['lat'], message: 'Give lat and lon, or city' });
    } else if (hasCoordinate) {
      if (query.lat === undefined) context.addIssue({ code: 'custom', path: ['lat'], message: 'Required with lon' });
      if (query.lon === undefined) context.addIssue({ code: 'custom', path: ['lon'], message: 'Required with lat' });
    }
  });

export const weatherWidgetRoute = defineRoute({
  method: 'get',
  path: '/widgets/weather',
  operationId: 'getWeatherWidget',
  tags: ['widgets'],
  summary: 'Current weather and the next hours at a place (Open-Meteo, cached 10 minutes)',
  description:
    'Answers from a cache keyed by the location rounded to 0.01°. When Open-Meteo fails or times out, a cached report ' +
    'up to a day old is served with `stale: true`; without one the answer is a 502 `upstream_failed` or a 504 ' +
    '`upstream_timeout` problem. `Cache-Status` says hit, miss or stale; `Age` is the report\'s age in seconds.',
  access: 'user',
  // A dashboard refreshes a widget every few minutes; this brakes a runaway client before it
  // spends Open-Meteo's free quota (10,000 calls a day) on cache misses.
  rateLimit: { limit: 60, windowMs: 60_000, key: 'user' },
  request: { query: weatherQuery },
  responses: {
    200: { description: 'The weather', content: { 'application/json': { schema: WeatherWidget } } },
  },
});

// RFC 9211 Cache-Status, naming our cache; `stale` is not a parameter of its own there, so the
// stale case is a hit with a negative ttl and the reason in `detail`.
function cacheStatus(outcome: CacheOutcome, ttlSeconds: number): string {
  if (outcome === 'miss') return 'plaza-weather; fwd=miss; stored';
  if (outcome === 'hit') return `plaza-weather; hit; ttl=${ttlSeconds}`;
  return `plaza-weather; hit; ttl=${ttlSeconds}; detail="upstream-unavailable"`;
}

const freshForSeconds = 600;

export function weatherRoutes(weather: () => WeatherService) {
  return createRouter().openapi(weatherWidgetRoute, async (c) => {
    const { lat, lon, city, hours } = c.req.valid('query');
    const query = city !== undefined ? { city } : { latitude: lat ?? 0, longitude: lon ?? 0 };
    try {
      const answer = await weather().weather(query, { hours });
      if (answer.upstreamError) {
        c.get('logger').warn({ err: answer.upstreamError, ageSeconds: answer.widget.ageSeconds }, 'Open-Meteo failed; served a stale weather report');
      }
      c.header('Cache-Status', cacheStatus(answer.cache, freshForSeconds - answer.widget.ageSeconds));
      c.header('Age', String(answer.widget.ageSeconds));
      return c.json(answer.widget, 200);
    } catch (error) {
      throw problemFor(error);
    }
  });
}

function problemFor(error: unknown): unknown {
  if (error instanceof CityNotFoundError) {
    return new ProblemError(404, 'not_found', `No place called "${error.city}" is known to the weather service.`, {
      errors: [{ path: 'query.city', message: 'Unknown city' }],
    });
  }
  if (error instanceof UpstreamError) {
    return error.kind === 'timedOut'
      ? new ProblemError(504, 'upstream_timeout', 'The weather service did not answer in time, and no recent report is cached. Try again shortly.')
      : new ProblemError(502, 'upstream_failed', 'The weather service failed, and no recent report is cached. Try again shortly.');
  }
  return error;
}
