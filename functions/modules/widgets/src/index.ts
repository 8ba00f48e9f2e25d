import type { PlazaModule } from '@plaza/runtime';
import { weatherService } from './weather/default-weather-service.ts';
import { weatherRoutes } from './weather/weather-route.ts';
import type { WeatherService } from './weather/weather-service.ts';

export interface WidgetsModuleOptions {
  /** The weather service behind the route; the module's own (config + Firestore cache) by default. */
  weather?: WeatherService;
}

/** Data for the dashboard's widgets: `GET /v1/widgets/weather`. */
export function createWidgetsModule(options: WidgetsModuleOptions = {}): PlazaModule {
  const weather = options.weather;
  return { name: 'widgets', routes: weatherRoutes(() => weather ?? weatherService()), consumers: [] };
}

export const widgetsModule: PlazaModule = createWidgetsModule();

// For other modules (the Telegram bot's /weather): the same service and cache as the widget.
export { weatherService } from './weather/default-weather-service.ts';
export { createWeatherService, CityNotFoundError, type WeatherService, type WeatherQuery, type WeatherAnswer, type CacheOutcome } from './weather/weather-service.ts';
export { UpstreamError } from './weather/upstream-error.ts';
export { createOpenMeteoClient, type OpenMeteoClient } from './weather/open-meteo-client.ts';
export { firestoreWeatherCache, type WeatherCache } from './weather/weather-cache.ts';
export { conditionOf } from './weather/wmo-codes.ts';
export { roundLocation, cityKey } from './weather/location-key.ts';
export { defaultWeatherCity, loadWidgetsConfig, widgetsConfig, type WidgetsConfig } from './widgets-config.ts';
