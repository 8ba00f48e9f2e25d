import type { WeatherWidget } from '@plaza/contracts';
import { cityKey, roundLocation } from './location-key.ts';
import type { OpenMeteoClient } from './open-meteo-client.ts';
import { UpstreamError } from './upstream-error.ts';
import type { WeatherCache } from './weather-cache.ts';
import { toWeatherReport, type WeatherReport } from './weather-report.ts';

export type WeatherQuery = { latitude: number; longitude: number } | { city: string };

/** How the answer was found, for the `Cache-Status` header and logs. */
export type CacheOutcome = 'hit' | 'miss' | 'stale';

export interface WeatherAnswer {
  widget: WeatherWidget;
  cache: CacheOutcome;
  /** Why a stale report was served instead of a fresh one. */
  upstreamError?: UpstreamError;
}

/** Open-Meteo knows no place by that name. */
export class CityNotFoundError extends Error {
  override name = 'CityNotFoundError';

  constructor(readonly city: string) {
    super(`No place called "${city}"`);
  }
}

export interface WeatherServiceOptions {
  client: OpenMeteoClient;
  cache: WeatherCache;
  /** Injected so tests can move time instead of waiting. */
  now?: () => number;
  /** A cached report younger than this is served without asking Open-Meteo. */
  freshForMs?: number;
  /** When Open-Meteo fails, a cached report up to this old is served as stale; older is worse than an error. */
  maxStaleMs?: number;
  /** Geocoded cities are looked up again after this long (places rarely move, names get new matches). */
  placeFreshForMs?: number;
}

const minute = 60_000;

/**
 * Weather for a place, through the Firestore cache: fresh for 10 minutes, then fetched again;
 * if Open-Meteo fails, the last report (up to a day old) is served marked stale.
 *
 * Two requests that miss at the same moment both fetch and both write; the second write wins and
 * both values are equally fresh. Serialising them (a transaction or a lease) would add a
 * Firestore round trip to every miss to save an occasional duplicate call to a free API.
 */
export function createWeatherService(options: WeatherServiceOptions) {
  const now = options.now ?? Date.now;
  const freshForMs = options.freshForMs ?? 10 * minute;
  const maxStaleMs = options.maxStaleMs ?? 24 * 60 * minute;
  const placeFreshForMs = options.placeFreshForMs ?? 30 * 24 * 60 * minute;
  const { client, cache } = options;

  async function resolveCity(city: string): Promise<{ latitude: number; longitude: number; name: string; country: string | null }> {
    const key = cityKey(city);
    if (key === '') throw new CityNotFoundError(city);
    const cached = await cache.getPlace(key);
    if (cached && now() - cached.resolvedAt.getTime() < placeFreshForMs) return cached;
    let place;
    try {
      place = await client.geocode(city);
    } catch (error) {
      // A city does not move: an old lookup is as good as a new one when Open-Meteo is down.
      if (cached && error instanceof UpstreamError) return cached;
      throw error;
    }
    if (!place) throw new CityNotFoundError(city);
    const resolved = { name: place.name, country: place.country ?? null, latitude: place.latitude, longitude: place.longitude, resolvedAt: new Date(now()) };
    await cache.putPlace(key, resolved);
    return resolved;
  }

  async function reportAt(latitude: number, longitude: number): Promise<{ report: WeatherReport; fetchedAt: Date; cache: CacheOutcome; upstreamError?: UpstreamError }> {
    const location = roundLocation(latitude, longitude);
    const cached = await cache.getReport(location.key);
    const age = cached ? now() - cached.fetchedAt.getTime() : Number.POSITIVE_INFINITY;
    if (cached && age < freshForMs) return { ...cached, cache: 'hit' };
    try {
      const forecast = await client.forecast(location.latitude, location.longitude);
      const entry = { report: toWeatherReport(forecast, location), fetchedAt: new Date(now()) };
      await cache.putReport(location.key, entry, new Date(entry.fetchedAt.getTime() + maxStaleMs));
      return { ...entry, cache: 'miss' };
    } catch (error) {
      if (cached && age <= maxStaleMs && error instanceof UpstreamError) return { ...cached, cache: 'stale', upstreamError: error };
      throw error;
    }
  }

  return {
    /**
     * The widget for coordinates or a city name, with up to `hours` hours ahead (the current one
     * first). Throws UpstreamError (no usable cached report) or CityNotFoundError.
     */
    async weather(query: WeatherQuery, { hours = 6 }: { hours?: number } = {}): Promise<WeatherAnswer> {
      const place = 'city' in query ? await resolveCity(query.city) : undefined;
      const at = place ?? query as { latitude: number; longitude: number };
      const found = await reportAt(at.latitude, at.longitude);
      const nowMs = now();
      const widget: WeatherWidget = {
        location: { ...found.report.location, name: place?.name ?? null, country: place?.country ?? null },
        current: found.report.current,
        // Past hours drop off as a cached report ages.
        nextHours: found.report.hours.filter((hour) => Date.parse(hour.time) + 60 * minute > nowMs).slice(0, hours),
        fetchedAt: found.fetchedAt.toISOString(),
        ageSeconds: Math.max(0, Math.floor((nowMs - found.fetchedAt.getTime()) / 1000)),
        stale: found.cache === 'stale',
        source: 'open-meteo',
      };
      return { widget, cache: found.cache, ...(found.upstreamError ? { upstreamError: found.upstreamError } : {}) };
    },
  };
}

export type WeatherService = ReturnType<typeof createWeatherService>;
