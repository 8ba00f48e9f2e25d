export { startOpenMeteoEmulator, type OpenMeteoEmulatorOptions, type RecordedRequest } from './open-meteo-server.ts';
export { forecast, weatherVariables, type ForecastResponse } from './forecast.ts';
export { searchCities, type GeocodingResponse } from './geocoding.ts';
export { cityTable, type City } from './city-table.ts';
export { weatherAt, type HourWeather } from './synthetic-weather.ts';
export type { FaultMode } from './upstream-faults.ts';
