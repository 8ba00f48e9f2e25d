/**
 * The stand-in's geocoding data: a few well-known cities with the fields Open-Meteo's geocoding
 * API returns (GeoNames ids, coordinates, elevations and populations as GeoNames has them).
 */
export interface City {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
  elevation: number;
  feature_code: string;
  country_code: string;
  country: string;
  country_id: number;
  admin1: string;
  timezone: string;
  population: number;
}

export const cityTable: readonly City[] = [
  { id: 2950159, name: 'Berlin', latitude: 52.52437, longitude: 13.41053, elevation: 74, feature_code: 'PPLC', country_code: 'DE', country: 'Germany', country_id: 2921044, admin1: 'Land Berlin', timezone: 'Europe/Berlin', population: 3426354 },
  { id: 2643743, name: 'London', latitude: 51.50853, longitude: -0.12574, elevation: 25, feature_code: 'PPLC', country_code: 'GB', country: 'United Kingdom', country_id: 2635167, admin1: 'England', timezone: 'Europe/London', population: 8961989 },
  { id: 6058560, name: 'London', latitude: 42.98339, longitude: -81.23304, elevation: 252, feature_code: 'PPL', country_code: 'CA', country: 'Canada', country_id: 6251999, admin1: 'Ontario', timezone: 'America/Toronto', population: 346765 },
  { id: 2988507, name: 'Paris', latitude: 48.85341, longitude: 2.3488, elevation: 42, feature_code: 'PPLC', country_code: 'FR', country: 'France', country_id: 3017382, admin1: 'Île-de-France', timezone: 'Europe/Paris', population: 2138551 },
  { id: 3169070, name: 'Rome', latitude: 41.89193, longitude: 12.51133, elevation: 20, feature_code: 'PPLC', country_code: 'IT', country: 'Italy', country_id: 3175395, admin1: 'Lazio', timezone: 'Europe/Rome', population: 2318895 },
  { id: 3117735, name: 'Madrid', latitude: 40.4165, longitude: -3.70256, elevation: 665, feature_code: 'PPLC', country_code: 'ES', country: 'Spain', country_id: 2510769, admin1: 'Madrid', timezone: 'Europe/Madrid', population: 3255944 },
  { id: 2759794, name: 'Amsterdam', latitude: 52.37403, longitude: 4.88969, elevation: 13, feature_code: 'PPLC', country_code: 'NL', country: 'Netherlands', country_id: 2750405, admin1: 'North Holland', timezone: 'Europe/Amsterdam', population: 741636 },
  { id: 5128581, name: 'New York', latitude: 40.71427, longitude: -74.00597, elevation: 10, feature_code: 'PPL', country_code: 'US', country: 'United States', country_id: 6252001, admin1: 'New York', timezone: 'America/New_York', population: 8804190 },
  { id: 1850147, name: 'Tokyo', latitude: 35.6895, longitude: 139.69171, elevation: 44, feature_code: 'PPLC', country_code: 'JP', country: 'Japan', country_id: 1861060, admin1: 'Tokyo', timezone: 'Asia/Tokyo', population: 8336599 },
  { id: 2147714, name: 'Sydney', latitude: -33.86785, longitude: 151.20732, elevation: 58, feature_code: 'PPLA', country_code: 'AU', country: 'Australia', country_id: 2077456, admin1: 'New South Wales', timezone: 'Australia/Sydney', population: 4627345 },
  { id: 3451190, name: 'Rio de Janeiro', latitude: -22.90642, longitude: -43.18223, elevation: 8, feature_code: 'PPLA', country_code: 'BR', country: 'Brazil', country_id: 3469034, admin1: 'Rio de Janeiro', timezone: 'America/Sao_Paulo', population: 6747815 },
  { id: 993800, name: 'Johannesburg', latitude: -26.20227, longitude: 28.04363, elevation: 1767, feature_code: 'PPLA', country_code: 'ZA', country: 'South Africa', country_id: 953987, admin1: 'Gauteng', timezone: 'Africa/Johannesburg', population: 2026469 },
  { id: 3871336, name: 'Santiago', latitude: -33.45694, longitude: -70.64827, elevation: 520, feature_code: 'PPLC', country_code: 'CL', country: 'Chile', country_id: 3895114, admin1: 'Santiago Metropolitan', timezone: 'America/Santiago', population: 4837295 },
  { id: 3406, name: 'Reykjavík', latitude: 64.13548, longitude: -21.89541, elevation: 0, feature_code: 'PPLC', country_code: 'IS', country: 'Iceland', country_id: 2629691, admin1: 'Capital Region', timezone: 'Atlantic/Reykjavik', population: 118918 },
];
