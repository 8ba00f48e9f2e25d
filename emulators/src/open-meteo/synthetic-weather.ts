/**
 * Deterministic weather: every value is a pure function of the location (rounded to 0.01°) and
 * the hour, so two requests for the same place and time agree, and tests can compute what to
 * expect. It looks plausible (colder towards the poles, warmer in the afternoon, rain when the
 * code says rain) without pretending to be a forecast.
 */
export interface HourWeather {
  temperature_2m: number;
  apparent_temperature: number;
  relative_humidity_2m: number;
  precipitation: number;
  precipitation_probability: number;
  weather_code: number;
  cloud_cover: number;
  wind_speed_10m: number;
  wind_direction_10m: number;
  is_day: number;
}

// WMO codes Open-Meteo reports, weighted towards the common ones.
const codeCycle = [0, 0, 1, 1, 2, 2, 3, 3, 45, 51, 53, 61, 63, 65, 71, 80, 81, 95] as const;

/** `localHour` is the hour of day at the location (0..23), which drives the daily cycle. */
export function weatherAt(latitude: number, longitude: number, utcHour: number, localHour: number): HourWeather {
  const place = hash(Math.round(latitude * 100), Math.round(longitude * 100));
  // Codes hold for three-hour spells, as real weather changes slower than hourly.
  const spell = hash(place, Math.floor(utcHour / 3));
  const weather_code = codeCycle[spell % codeCycle.length] ?? 0;
  const wet = weather_code >= 51;
  const base = 27 - 0.45 * Math.abs(latitude) + ((place % 61) - 30) / 10;
  const daily = 4 * Math.sin((2 * Math.PI * (localHour - 9)) / 24);
  const temperature = round1(base + daily + (wet ? -1.5 : 0));
  const wind = round1(2 + (hash(spell, 7) % 280) / 10);
  return {
    temperature_2m: temperature,
    apparent_temperature: round1(temperature - wind / 10),
    relative_humidity_2m: wet ? 80 + (spell % 20) : 35 + (spell % 40),
    precipitation: wet ? round1(0.1 + (spell % 40) / 10) : 0,
    precipitation_probability: wet ? 55 + (spell % 45) : weather_code >= 3 ? 10 + (spell % 20) : spell % 10,
    weather_code,
    cloud_cover: weather_code === 0 ? spell % 10 : weather_code <= 2 ? 20 + (spell % 50) : 75 + (spell % 26),
    wind_speed_10m: wind,
    wind_direction_10m: hash(spell, 13) % 360,
    is_day: localHour >= 6 && localHour < 20 ? 1 : 0,
  };
}

function hash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b ^ 0xc2b2ae35, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
