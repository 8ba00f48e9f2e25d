import { describe, expect, it } from 'vitest';
import { forecast } from './forecast.ts';
import { searchCities } from './geocoding.ts';
import { StandInHttpError } from './open-meteo-error.ts';

const now = Date.parse('2026-03-01T10:20:00Z');
const query = (params: Record<string, string>) => new URLSearchParams(params);

describe('forecast', () => {
  it("answers in Open-Meteo's shape: current at the last 15-minute step, hourly from the current hour", () => {
    const body = forecast(
      query({ latitude: '52.52', longitude: '13.41', current: 'temperature_2m,weather_code', hourly: 'temperature_2m,precipitation_probability', forecast_hours: '3' }),
      now,
    );
    expect(body).toMatchObject({ latitude: 52.52, longitude: 13.41, timezone: 'GMT', timezone_abbreviation: 'GMT', utc_offset_seconds: 0 });
    expect(body.current_units).toEqual({ time: 'iso8601', interval: 'seconds', temperature_2m: '°C', weather_code: 'wmo code' });
    expect(body.current).toMatchObject({ time: '2026-03-01T10:15', interval: 900 });
    expect(body.hourly?.time).toEqual(['2026-03-01T10:00', '2026-03-01T11:00', '2026-03-01T12:00']);
    expect(body.hourly?.precipitation_probability).toHaveLength(3);
    expect(body.hourly_units).toEqual({ time: 'iso8601', temperature_2m: '°C', precipitation_probability: '%' });
  });

  it('is deterministic for a place and time, and differs between places', () => {
    const at = (lat: string, lon: string) => forecast(query({ latitude: lat, longitude: lon, current: 'temperature_2m,wind_speed_10m' }), now).current;
    expect(at('52.52', '13.41')).toEqual(at('52.52', '13.41'));
    expect(at('52.52', '13.41')).not.toEqual(at('-33.87', '151.21'));
  });

  it('starts hourly data at local midnight for forecast_days, in the requested time zone', () => {
    const body = forecast(query({ latitude: '52.52', longitude: '13.41', hourly: 'weather_code', forecast_days: '2', timezone: 'Europe/Berlin' }), now);
    expect(body.utc_offset_seconds).toBe(3600);
    expect(body.hourly?.time).toHaveLength(48);
    expect(body.hourly?.time?.[0]).toBe('2026-03-01T00:00');
    expect(forecast(query({ latitude: '35.69', longitude: '139.69', timezone: 'auto' }), now).timezone).toBe('Asia/Tokyo');
  });

  it('converts units on request', () => {
    const body = forecast(query({ latitude: '0', longitude: '0', current: 'temperature_2m,wind_speed_10m', temperature_unit: 'fahrenheit', wind_speed_unit: 'ms' }), now);
    expect(body.current_units).toMatchObject({ temperature_2m: '°F', wind_speed_10m: 'm/s' });
  });

  it.each([
    [{ longitude: '1' }, "Value of type 'Float' required for key 'latitude'."],
    [{ latitude: '100', longitude: '1' }, 'Latitude must be in range of -90 to 90°. Given: 100.0.'],
    [{ latitude: '1', longitude: '-181' }, 'Longitude must be in range of -180 to 180°. Given: -181.0.'],
    [{ latitude: '1', longitude: '1', hourly: 'snow_depth_xyz' }, 'Cannot initialize ForecastVariable from invalid String value snow_depth_xyz for key hourly'],
    [{ latitude: '1', longitude: '1', forecast_days: '17' }, 'Forecast days is invalid. Allowed range 0 to 16.'],
    [{ latitude: '1', longitude: '1', timezone: 'Mars/Olympus' }, 'Invalid timezone'],
  ])('refuses %o with a 400 and a reason', (params, reason) => {
    let thrown: unknown;
    try {
      forecast(query(params), now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StandInHttpError);
    expect(thrown).toMatchObject({ status: 400, body: { error: true, reason } });
  });
});

describe('searchCities', () => {
  it('finds by prefix, largest first, accents folded, and leaves results out when nothing matches', () => {
    expect(searchCities(query({ name: 'lon' })).results?.map((city) => city.country_code)).toEqual(['GB', 'CA']);
    expect(searchCities(query({ name: 'London', count: '1' })).results).toHaveLength(1);
    expect(searchCities(query({ name: 'reykjavik' })).results?.[0]?.name).toBe('Reykjavík');
    expect(searchCities(query({ name: 'Atlantis' }))).not.toHaveProperty('results');
    expect(searchCities(query({ name: 'B' }))).not.toHaveProperty('results');
  });
});
