import { cityTable } from './city-table.ts';
import { isKnownTimeZone, localIsoMinute, timeZoneAbbreviation, utcOffsetSeconds } from './local-time.ts';
import { StandInHttpError } from './open-meteo-error.ts';
import { weatherAt, type HourWeather } from './synthetic-weather.ts';

/** The variables the stand-in can answer for, in `current=` and `hourly=`. */
export const weatherVariables = [
  'temperature_2m',
  'apparent_temperature',
  'relative_humidity_2m',
  'precipitation',
  'precipitation_probability',
  'weather_code',
  'cloud_cover',
  'wind_speed_10m',
  'wind_direction_10m',
  'is_day',
] as const satisfies readonly (keyof HourWeather)[];
type WeatherVariable = (typeof weatherVariables)[number];

const temperatureUnits = { celsius: '°C', fahrenheit: '°F' } as const;
const windSpeedUnits = { kmh: 'km/h', ms: 'm/s', mph: 'mp/h', kn: 'kn' } as const;
const windSpeedFactors = { kmh: 1, ms: 1 / 3.6, mph: 1 / 1.609344, kn: 1 / 1.852 } as const;

const hourMs = 3_600_000;
const currentIntervalSeconds = 900;

type Row = Record<string, number | string>;
type Series = Record<string, (number | string)[]>;

export interface ForecastResponse {
  latitude: number;
  longitude: number;
  generationtime_ms: number;
  utc_offset_seconds: number;
  timezone: string;
  timezone_abbreviation: string;
  elevation: number;
  current_units?: Record<string, string>;
  current?: Row;
  hourly_units?: Record<string, string>;
  hourly?: Series;
}

/**
 * `GET /v1/forecast` as Open-Meteo answers it, for the variables above: `current` at the last
 * 15-minute step, `hourly` from 00:00 local time today for `forecast_days` (default 7), or from
 * the current hour for `forecast_hours`. Bad parameters throw the 400 Open-Meteo gives.
 */
export function forecast(query: URLSearchParams, nowMs: number): ForecastResponse {
  const latitude = coordinate(query, 'latitude', 90);
  const longitude = coordinate(query, 'longitude', 180);
  const current = variables(query, 'current');
  const hourly = variables(query, 'hourly');
  const forecastDays = integer(query, 'forecast_days', 7, 0, 16, 'Forecast days is invalid. Allowed range 0 to 16.');
  const forecastHours = query.has('forecast_hours')
    ? integer(query, 'forecast_hours', 0, 1, 16 * 24, 'Forecast hours is invalid. Allowed range 1 to 384.')
    : undefined;
  const temperatureUnit = choice(query, 'temperature_unit', temperatureUnits, 'celsius', 'TemperatureUnit');
  const windSpeedUnit = choice(query, 'wind_speed_unit', windSpeedUnits, 'kmh', 'WindspeedUnit');
  const timeZone = resolveTimeZone(query.get('timezone') ?? 'GMT', latitude, longitude);

  const offset = utcOffsetSeconds(nowMs, timeZone);
  const response: ForecastResponse = {
    latitude: round(latitude, 2),
    longitude: round(longitude, 2),
    generationtime_ms: 0.05,
    utc_offset_seconds: offset,
    timezone: timeZone,
    timezone_abbreviation: timeZoneAbbreviation(nowMs, timeZone),
    elevation: elevationOf(latitude, longitude),
  };
  const units = (names: readonly WeatherVariable[]) =>
    Object.fromEntries(names.map((name) => [name, unitOf(name, temperatureUnit, windSpeedUnit)]));
  const values = (instantMs: number, names: readonly WeatherVariable[]): Row => {
    const localHour = Number(localIsoMinute(instantMs, timeZone).slice(11, 13));
    const weather = weatherAt(latitude, longitude, Math.floor(instantMs / hourMs), localHour);
    return Object.fromEntries(names.map((name) => [name, convert(name, weather[name], temperatureUnit, windSpeedUnit)]));
  };

  if (current.length > 0) {
    const at = Math.floor(nowMs / (currentIntervalSeconds * 1000)) * currentIntervalSeconds * 1000;
    response.current_units = { time: 'iso8601', interval: 'seconds', ...units(current) };
    response.current = { time: localIsoMinute(at, timeZone), interval: currentIntervalSeconds, ...values(at, current) };
  }
  if (hourly.length > 0) {
    const currentHour = Math.floor(nowMs / hourMs) * hourMs;
    const localMidnight = Math.floor((nowMs + offset * 1000) / (24 * hourMs)) * 24 * hourMs - offset * 1000;
    const start = forecastHours === undefined ? localMidnight : currentHour;
    const steps = forecastHours ?? forecastDays * 24;
    const series: Series = { time: [] };
    for (const name of hourly) series[name] = [];
    for (let step = 0; step < steps; step += 1) {
      const instant = start + step * hourMs;
      series.time?.push(localIsoMinute(instant, timeZone));
      const row = values(instant, hourly);
      for (const name of hourly) series[name]?.push(row[name] ?? 0);
    }
    response.hourly_units = { time: 'iso8601', ...units(hourly) };
    response.hourly = series;
  }
  return response;
}

function badRequest(reason: string): StandInHttpError {
  return new StandInHttpError(400, { error: true, reason });
}

function coordinate(query: URLSearchParams, key: 'latitude' | 'longitude', limit: number): number {
  const text = query.get(key);
  if (text === null || text.trim() === '') throw badRequest(`Value of type 'Float' required for key '${key}'.`);
  const value = Number(text);
  if (!Number.isFinite(value)) throw badRequest(`Value of type 'Float' required for key '${key}'.`);
  if (Math.abs(value) > limit) {
    const name = key === 'latitude' ? 'Latitude' : 'Longitude';
    throw badRequest(`${name} must be in range of -${limit} to ${limit}°. Given: ${value.toFixed(1)}.`);
  }
  return value;
}

// Open-Meteo takes `hourly=a,b` as well as `hourly=a&hourly=b`.
function variables(query: URLSearchParams, key: 'current' | 'hourly'): WeatherVariable[] {
  const names = query.getAll(key).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!(weatherVariables as readonly string[]).includes(name)) {
      throw badRequest(`Cannot initialize ForecastVariable from invalid String value ${name} for key ${key}`);
    }
  }
  return [...new Set(names)] as WeatherVariable[];
}

function integer(query: URLSearchParams, key: string, fallback: number, min: number, max: number, reason: string): number {
  const text = query.get(key);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw badRequest(reason);
  return value;
}

function choice<Options extends Record<string, string>>(
  query: URLSearchParams,
  key: string,
  options: Options,
  fallback: keyof Options & string,
  typeName: string,
): keyof Options & string {
  const value = query.get(key) ?? fallback;
  if (!(value in options)) throw badRequest(`Cannot initialize ${typeName} from invalid String value ${value} for key ${key}`);
  return value;
}

// `auto` takes the zone of the nearest city the stand-in knows (within about 2°), else GMT.
function resolveTimeZone(requested: string, latitude: number, longitude: number): string {
  if (requested === 'auto') {
    const near = cityTable.find((city) => Math.abs(city.latitude - latitude) <= 2 && Math.abs(city.longitude - longitude) <= 2);
    return near?.timezone ?? 'GMT';
  }
  if (!isKnownTimeZone(requested)) throw badRequest('Invalid timezone');
  return requested;
}

function elevationOf(latitude: number, longitude: number): number {
  const near = cityTable.find((city) => Math.abs(city.latitude - latitude) <= 0.1 && Math.abs(city.longitude - longitude) <= 0.1);
  return near?.elevation ?? Math.abs(Math.round(latitude * 7 + longitude * 3)) % 400;
}

function unitOf(name: WeatherVariable, temperature: keyof typeof temperatureUnits, wind: keyof typeof windSpeedUnits): string {
  switch (name) {
    case 'temperature_2m':
    case 'apparent_temperature':
      return temperatureUnits[temperature];
    case 'wind_speed_10m':
      return windSpeedUnits[wind];
    case 'wind_direction_10m':
      return '°';
    case 'precipitation':
      return 'mm';
    case 'weather_code':
      return 'wmo code';
    case 'is_day':
      return '';
    default:
      return '%';
  }
}

function convert(name: WeatherVariable, value: number, temperature: keyof typeof temperatureUnits, wind: keyof typeof windSpeedUnits): number {
  if ((name === 'temperature_2m' || name === 'apparent_temperature') && temperature === 'fahrenheit') return round(value * 1.8 + 32, 1);
  if (name === 'wind_speed_10m') return round(value * windSpeedFactors[wind], 1);
  return value;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
