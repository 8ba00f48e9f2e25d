import { z } from 'zod';

/** A WMO weather code (0..99) with the words people read for it. */
export const WeatherCondition = z
  .object({
    code: z.number().int().min(0).max(99),
    text: z.string().describe('e.g. "Partly cloudy", "Slight rain"'),
  })
  .meta({ id: 'WeatherCondition' });

export type WeatherCondition = z.infer<typeof WeatherCondition>;

export const WeatherLocation = z
  .object({
    latitude: z.number().min(-90).max(90).describe('Rounded to 0.01° (about 1 km): the cache key'),
    longitude: z.number().min(-180).max(180),
    name: z.string().nullable().describe('The city, when asked by name'),
    country: z.string().nullable(),
    timezone: z.string().describe('IANA zone of the location, e.g. Europe/Berlin'),
    utcOffsetSeconds: z.number().int(),
  })
  .meta({ id: 'WeatherLocation' });

export type WeatherLocation = z.infer<typeof WeatherLocation>;

export const WeatherNow = z
  .object({
    time: z.iso.datetime().describe('When the conditions were observed (UTC)'),
    temperatureC: z.number(),
    apparentTemperatureC: z.number(),
    relativeHumidity: z.number().min(0).max(100),
    windSpeedKmh: z.number().min(0),
    isDay: z.boolean(),
    condition: WeatherCondition,
  })
  .meta({ id: 'WeatherNow' });

export type WeatherNow = z.infer<typeof WeatherNow>;

export const WeatherHour = z
  .object({
    time: z.iso.datetime().describe('Start of the hour (UTC)'),
    temperatureC: z.number(),
    precipitationProbability: z.number().min(0).max(100).nullable(),
    condition: WeatherCondition,
  })
  .meta({ id: 'WeatherHour' });

export type WeatherHour = z.infer<typeof WeatherHour>;

/**
 * `GET /v1/widgets/weather`: current conditions and the next hours, from Open-Meteo through a
 * 10-minute cache. `stale` is true when Open-Meteo failed and an older cached report is served;
 * `ageSeconds` says how old it is either way.
 */
export const WeatherWidget = z
  .object({
    location: WeatherLocation,
    current: WeatherNow,
    nextHours: z.array(WeatherHour),
    fetchedAt: z.iso.datetime(),
    ageSeconds: z.number().int().min(0),
    stale: z.boolean(),
    source: z.literal('open-meteo'),
  })
  .meta({ id: 'WeatherWidget' });

export type WeatherWidget = z.infer<typeof WeatherWidget>;
