import { z } from 'zod';
import { UpstreamError } from './upstream-error.ts';

const hourly = <T extends z.ZodType>(item: T) => z.array(item);

/** What we read of `GET /v1/forecast`; anything else Open-Meteo sends is ignored. */
export const openMeteoForecastSchema = z.object({
  timezone: z.string(),
  utc_offset_seconds: z.number().int(),
  current: z.object({
    time: z.string(),
    temperature_2m: z.number(),
    apparent_temperature: z.number(),
    relative_humidity_2m: z.number(),
    wind_speed_10m: z.number(),
    weather_code: z.number().int(),
    is_day: z.number().int(),
  }),
  hourly: z.object({
    time: hourly(z.string()),
    temperature_2m: hourly(z.number()),
    weather_code: hourly(z.number().int()),
    // Open-Meteo sends null where a model has no value for an hour.
    precipitation_probability: hourly(z.number().nullable()),
  }),
});

export type OpenMeteoForecast = z.infer<typeof openMeteoForecastSchema>;

const geocodingSchema = z.object({
  results: z
    .array(
      z.object({
        name: z.string(),
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        country: z.string().optional(),
        timezone: z.string().optional(),
      }),
    )
    .optional(),
});

export type GeocodedPlace = NonNullable<z.infer<typeof geocodingSchema>['results']>[number];

export interface OpenMeteoClientOptions {
  forecastApiUrl: string;
  geocodingApiUrl: string;
  timeoutMs: number;
}

/** Hours of forecast asked for and cached; the widget and the bot show a prefix of them. */
export const forecastHours = 12;

export function createOpenMeteoClient(options: OpenMeteoClientOptions) {
  return {
    /** Current conditions and the next hours at a (rounded) location, times in the location's zone. */
    async forecast(latitude: number, longitude: number): Promise<OpenMeteoForecast> {
      const url = new URL('/v1/forecast', options.forecastApiUrl);
      url.search = new URLSearchParams({
        latitude: String(latitude),
        longitude: String(longitude),
        current: 'temperature_2m,apparent_temperature,relative_humidity_2m,wind_speed_10m,weather_code,is_day',
        hourly: 'temperature_2m,weather_code,precipitation_probability',
        forecast_hours: String(forecastHours),
        timezone: 'auto',
      }).toString();
      return getJson(url, openMeteoForecastSchema, options.timeoutMs);
    },

    /** The best match for a city name, or undefined when Open-Meteo knows no such place. */
    async geocode(name: string): Promise<GeocodedPlace | undefined> {
      const url = new URL('/v1/search', options.geocodingApiUrl);
      url.search = new URLSearchParams({ name, count: '1', language: 'en', format: 'json' }).toString();
      return (await getJson(url, geocodingSchema, options.timeoutMs)).results?.[0];
    },
  };
}

export type OpenMeteoClient = ReturnType<typeof createOpenMeteoClient>;

// One deadline covers connecting, the status and reading the body: a server that sends headers
// and then stalls is as much a timeout as one that never answers.
async function getJson<T>(url: URL, schema: z.ZodType<T>, timeoutMs: number): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  const where = `${url.origin}${url.pathname}`;
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const reason = await response.text().catch(() => '');
      throw new UpstreamError('failed', `${where} answered ${response.status}: ${reason.slice(0, 200)}`);
    }
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new UpstreamError('failed', `${where} answered an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    if (signal.aborted) throw new UpstreamError('timedOut', `${where} did not answer within ${timeoutMs} ms`, { cause: error });
    throw new UpstreamError('failed', `${where} could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
