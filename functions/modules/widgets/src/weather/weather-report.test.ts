import { WeatherWidget } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { openMeteoForecastSchema } from './open-meteo-client.ts';
import { localTimeToUtc, toWeatherReport } from './weather-report.ts';

// As Open-Meteo answers with timezone=auto for Berlin in winter (UTC+1).
const berlin = openMeteoForecastSchema.parse({
  latitude: 52.52,
  longitude: 13.419998,
  generationtime_ms: 0.1,
  utc_offset_seconds: 3600,
  timezone: 'Europe/Berlin',
  timezone_abbreviation: 'GMT+1',
  elevation: 38,
  current_units: { time: 'iso8601', interval: 'seconds', temperature_2m: '°C' },
  current: {
    time: '2026-01-10T14:15',
    interval: 900,
    temperature_2m: 3.4,
    apparent_temperature: 0.9,
    relative_humidity_2m: 81,
    wind_speed_10m: 12.2,
    weather_code: 61,
    is_day: 1,
  },
  hourly_units: { time: 'iso8601', temperature_2m: '°C' },
  hourly: {
    time: ['2026-01-10T14:00', '2026-01-10T15:00', '2026-01-10T16:00'],
    temperature_2m: [3.4, 3.1, 2.2],
    weather_code: [61, 3, 0],
    precipitation_probability: [80, null, 5],
  },
});

describe('toWeatherReport', () => {
  it("maps Open-Meteo's answer to the widget's shape, local times as UTC instants", () => {
    const report = toWeatherReport(berlin, { latitude: 52.52, longitude: 13.41 });
    expect(report.location).toEqual({ latitude: 52.52, longitude: 13.41, name: null, country: null, timezone: 'Europe/Berlin', utcOffsetSeconds: 3600 });
    expect(report.current).toEqual({
      time: '2026-01-10T13:15:00.000Z',
      temperatureC: 3.4,
      apparentTemperatureC: 0.9,
      relativeHumidity: 81,
      windSpeedKmh: 12.2,
      isDay: true,
      condition: { code: 61, text: 'Slight rain' },
    });
    expect(report.hours).toEqual([
      { time: '2026-01-10T13:00:00.000Z', temperatureC: 3.4, precipitationProbability: 80, condition: { code: 61, text: 'Slight rain' } },
      { time: '2026-01-10T14:00:00.000Z', temperatureC: 3.1, precipitationProbability: null, condition: { code: 3, text: 'Overcast' } },
      { time: '2026-01-10T15:00:00.000Z', temperatureC: 2.2, precipitationProbability: 5, condition: { code: 0, text: 'Clear sky' } },
    ]);
    const widget = { ...report, nextHours: report.hours, fetchedAt: '2026-01-10T13:16:00.000Z', ageSeconds: 0, stale: false, source: 'open-meteo' };
    expect(WeatherWidget.safeParse({ ...widget, hours: undefined }).success).toBe(true);
  });

  it('drops hours whose parallel values are missing rather than inventing them', () => {
    const short = { ...berlin, hourly: { ...berlin.hourly, temperature_2m: [3.4] } };
    expect(toWeatherReport(short, { latitude: 52.52, longitude: 13.41 }).hours).toHaveLength(1);
  });
});

describe('localTimeToUtc', () => {
  it('applies the offset Open-Meteo reports, west and east of Greenwich', () => {
    expect(localTimeToUtc('2026-07-01T08:00', -4 * 3600)).toBe('2026-07-01T12:00:00.000Z');
    expect(localTimeToUtc('2026-07-01T01:00', 9 * 3600)).toBe('2026-06-30T16:00:00.000Z');
    expect(() => localTimeToUtc('yesterday', 0)).toThrow('Not an Open-Meteo time');
  });
});
