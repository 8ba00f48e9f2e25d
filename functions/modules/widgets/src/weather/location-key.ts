/**
 * Cache keys round coordinates to 2 decimals: 0.01° is about 1.1 km of latitude (less of
 * longitude away from the equator), finer than Open-Meteo's own grid (1 to 11 km depending on
 * the model), so rounding never mixes up places whose weather differs, while everyone in one
 * neighbourhood shares one cached report.
 */
export interface RoundedLocation {
  latitude: number;
  longitude: number;
  /** Firestore document id, e.g. `52.52_13.41`. */
  key: string;
}

export function roundLocation(latitude: number, longitude: number): RoundedLocation {
  const lat = roundTo2(latitude);
  // 180 and -180 are one meridian; keep one key for it.
  const lon = roundTo2(longitude) === -180 ? 180 : roundTo2(longitude);
  return { latitude: lat, longitude: lon, key: `${lat.toFixed(2)}_${lon.toFixed(2)}` };
}

function roundTo2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded; // no "-0.00" keys
}

/** City names are looked up case- and accent-insensitively, so "münchen" and "Munchen" share one entry. */
export function cityKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-|-$/g, '');
}
