import type { WeatherHour, WeatherLocation, WeatherNow } from '@plaza/contracts';
import { z } from 'zod';
import type { OpenMeteoForecast } from './open-meteo-client.ts';
import { conditionOf } from './wmo-codes.ts';

/** What is cached and served: the widget's data without the per-request freshness fields. */
export interface WeatherReport {
  location: WeatherLocation;
  current: WeatherNow;
  /** From the current hour on, as many as were fetched. */
  hours: WeatherHour[];
}

/**
 * Open-Meteo's answer as the widget's shape, without a place name: reports are cached by
 * location, and a name (from a city lookup) belongs to the request, not to the coordinates. Open-Meteo writes local wall-clock times without an
 * offset (`2026-03-01T11:00` with `timezone=auto`); they become UTC instants here, with the zone
 * and offset kept on the location for clients that show local time.
 */
export function toWeatherReport(
  forecast: OpenMeteoForecast,
  at: { latitude: number; longitude: number },
): WeatherReport {
  const toUtc = (localTime: string) => localTimeToUtc(localTime, forecast.utc_offset_seconds);
  const { current, hourly } = forecast;
  return {
    location: {
      latitude: at.latitude,
      longitude: at.longitude,
      name: null,
      country: null,
      timezone: forecast.timezone,
      utcOffsetSeconds: forecast.utc_offset_seconds,
    },
    current: {
      time: toUtc(current.time),
      temperatureC: current.temperature_2m,
      apparentTemperatureC: current.apparent_temperature,
      relativeHumidity: clampPercent(current.relative_humidity_2m),
      windSpeedKmh: Math.max(0, current.wind_speed_10m),
      isDay: current.is_day === 1,
      condition: conditionOf(current.weather_code),
    },
    // The arrays are parallel; a short one (which Open-Meteo never sends) truncates rather than inventing values.
    hours: hourly.time.flatMap((time, index) => {
      const temperature = hourly.temperature_2m[index];
      const code = hourly.weather_code[index];
      if (temperature === undefined || code === undefined) return [];
      const probability = hourly.precipitation_probability[index];
      return [
        {
          time: toUtc(time),
          temperatureC: temperature,
          precipitationProbability: probability === undefined || probability === null ? null : clampPercent(probability),
          condition: conditionOf(code),
        },
      ];
    }),
  };
}

export function localTimeToUtc(localTime: string, utcOffsetSeconds: number): string {
  const wallClockAsUtc = Date.parse(`${localTime.length === 16 ? `${localTime}:00` : localTime}Z`);
  if (Number.isNaN(wallClockAsUtc)) throw new Error(`Not an Open-Meteo time: ${localTime}`);
  return new Date(wallClockAsUtc - utcOffsetSeconds * 1000).toISOString();
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

const condition = z.object({ code: z.number().int(), text: z.string() });

/** A cached report read back from Firestore. */
export const weatherReportSchema = z.object({
  location: z.object({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().nullable(),
    country: z.string().nullable(),
    timezone: z.string(),
    utcOffsetSeconds: z.number().int(),
  }),
  current: z.object({
    time: z.string(),
    temperatureC: z.number(),
    apparentTemperatureC: z.number(),
    relativeHumidity: z.number(),
    windSpeedKmh: z.number(),
    isDay: z.boolean(),
    condition,
  }),
  hours: z.array(z.object({ time: z.string(), temperatureC: z.number(), precipitationProbability: z.number().nullable(), condition })),
}) satisfies z.ZodType<WeatherReport>;
