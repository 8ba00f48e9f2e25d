import { loadConfig } from '@plaza/runtime';
import { z } from 'zod';

const origin = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((url) => url.replace(/\/+$/, ''));

const schema = z
  .object({
    /** Open-Meteo's forecast API; the emulator suite's stand-in sets it locally. */
    OPEN_METEO_API_URL: origin('https://api.open-meteo.com'),
    OPEN_METEO_GEOCODING_URL: origin('https://geocoding-api.open-meteo.com'),
    /** How long one upstream call may take before the widget answers 504 (or serves stale). */
    WEATHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
    /** The city the Telegram bot reports for a user who stored no location. */
    WEATHER_DEFAULT_CITY: z.string().trim().min(2).max(100).default('Berlin'),
  })
  .transform((env) => ({
    forecastApiUrl: env.OPEN_METEO_API_URL,
    geocodingApiUrl: env.OPEN_METEO_GEOCODING_URL,
    timeoutMs: env.WEATHER_TIMEOUT_MS,
    defaultCity: env.WEATHER_DEFAULT_CITY,
  }));

export type WidgetsConfig = z.output<typeof schema>;

/** Parses the widgets module's variables; a ConfigError lists every bad one. */
export function loadWidgetsConfig(env: Record<string, string | undefined> = process.env): WidgetsConfig {
  return loadConfig(schema, env);
}

let loaded: WidgetsConfig | undefined;

/** The module's config, read from the environment once, on first use. */
export function widgetsConfig(): WidgetsConfig {
  loaded ??= loadWidgetsConfig();
  return loaded;
}

/** WEATHER_DEFAULT_CITY: where the weather is reported for someone who stored no location. */
export function defaultWeatherCity(): string {
  return widgetsConfig().defaultCity;
}
