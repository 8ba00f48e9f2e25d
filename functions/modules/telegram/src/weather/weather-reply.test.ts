import { WeatherWidget } from '@plaza/contracts';
import { describe, expect, it } from 'vitest';
import { weatherReply } from './weather-reply.ts';

// Parsed through the API schema, so the fixture stays a widget the weather service could return.
const widget = (overrides: Partial<WeatherWidget> = {}): WeatherWidget =>
  WeatherWidget.parse({
    location: { latitude: 52.52, longitude: 13.41, name: 'Berlin', country: 'Germany', timezone: 'Europe/Berlin', utcOffsetSeconds: 3600 },
    current: {
      time: '2026-11-22T07:00:00Z',
      temperatureC: 3.6,
      apparentTemperatureC: -2.6,
      relativeHumidity: 81.2,
      windSpeedKmh: 12.5,
      isDay: false,
      condition: { code: 3, text: 'Overcast' },
    },
    nextHours: [
      { time: '2026-11-22T08:00:00Z', temperatureC: 4, precipitationProbability: 20, condition: { code: 3, text: 'Overcast' } },
      { time: '2026-11-22T09:00:00Z', temperatureC: 5.4, precipitationProbability: null, condition: { code: 61, text: 'Slight rain' } },
      { time: '2026-11-22T10:00:00Z', temperatureC: 6, precipitationProbability: 55, condition: { code: 61, text: 'Slight rain' } },
      { time: '2026-11-22T11:00:00Z', temperatureC: 7, precipitationProbability: 60, condition: { code: 61, text: 'Slight rain' } },
    ],
    fetchedAt: '2026-11-22T07:05:00Z',
    ageSeconds: 0,
    stale: false,
    source: 'open-meteo',
    ...overrides,
  });

describe('weatherReply', () => {
  it('reports the current conditions in the place and its local time', () => {
    expect(weatherReply(widget(), 'now')).toBe(
      'Weather for Berlin, Germany, 08:00 local time:\nOvercast, 4°C (feels like -3°C), humidity 81%, wind 13 km/h.',
    );
  });

  it('adds the next three hours for 3h, with the chance of rain when known', () => {
    expect(weatherReply(widget(), '3h').split('\n').slice(2)).toEqual([
      '',
      'Next hours:',
      '09:00: Overcast, 4°C, 20% chance of rain',
      '10:00: Slight rain, 5°C',
      '11:00: Slight rain, 6°C, 55% chance of rain',
    ]);
  });

  it('names a place asked by coordinates by its coordinates, and says how old a stale report is', () => {
    const reply = weatherReply(widget({ location: { latitude: 48.85, longitude: 2.35, name: null, country: null, timezone: 'Europe/Paris', utcOffsetSeconds: 3600 }, stale: true, ageSeconds: 1800 }), 'now');
    expect(reply.startsWith('Weather for 48.85, 2.35, 08:00 local time:\n')).toBe(true);
    expect(reply.endsWith('\n\n(The weather service is not answering; this report is 30 minutes old.)')).toBe(true);
  });
});
