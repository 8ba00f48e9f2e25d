import { cityTable, type City } from './city-table.ts';
import { StandInHttpError } from './open-meteo-error.ts';

export interface GeocodingResponse {
  results?: (City & { admin1_id?: number })[];
  generationtime_ms: number;
}

/**
 * `GET /v1/search` as Open-Meteo's geocoding API answers it: a name of one character (or none)
 * finds nothing, two characters match whole names only, longer ones match name prefixes; the
 * largest places first, at most `count` (1..100, default 10); no match leaves `results` out.
 */
export function searchCities(query: URLSearchParams): GeocodingResponse {
  const name = (query.get('name') ?? '').trim();
  const countText = query.get('count');
  const count = countText === null ? 10 : Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new StandInHttpError(400, { error: true, reason: `Parameter count must be between 1 and 100. Given: ${countText}` });
  }
  const format = query.get('format');
  if (format !== null && format !== 'json') {
    throw new StandInHttpError(400, { error: true, reason: `Cannot initialize FormatType from invalid String value ${format} for key format` });
  }
  if (name.length < 2) return { generationtime_ms: 0.1 };
  const wanted = fold(name);
  const matches = cityTable
    .filter((city) => (name.length === 2 ? fold(city.name) === wanted : fold(city.name).startsWith(wanted)))
    .sort((a, b) => b.population - a.population)
    .slice(0, count);
  return matches.length === 0 ? { generationtime_ms: 0.1 } : { results: matches.map((city) => ({ ...city })), generationtime_ms: 0.1 };
}

/** Case- and accent-insensitive, so "reykjavik" finds Reykjavík as the real API does. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
