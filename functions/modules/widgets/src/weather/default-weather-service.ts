import { widgetsConfig } from '../widgets-config.ts';
import { createOpenMeteoClient } from './open-meteo-client.ts';
import { firestoreWeatherCache } from './weather-cache.ts';
import { createWeatherService, type WeatherService } from './weather-service.ts';

let service: WeatherService | undefined;

/**
 * The weather service on the module's config and the Firestore cache, built on first use so
 * importing the module reads no environment. The widget route and the Telegram bot share it.
 */
export function weatherService(): WeatherService {
  service ??= createWeatherService({ client: createOpenMeteoClient(widgetsConfig()), cache: firestoreWeatherCache });
  return service;
}
