/** Where the weather widget looks: coordinates from the browser, or a city the member named. */
export type WeatherPlace = { lat: number; lon: number } | { city: string };

const cityKey = 'plaza.weather.city';

/** The browser's position, coarse (the API rounds to about 1 km anyway); rejects when refused. */
export function currentPosition(timeoutMs = 8_000): Promise<WeatherPlace> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('This browser cannot tell its location.'));
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ lat: Math.round(coords.latitude * 100) / 100, lon: Math.round(coords.longitude * 100) / 100 }),
      (error) => reject(new Error(error.message || 'Location was refused.')),
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 10 * 60_000 },
    );
  });
}

export function rememberedCity(): string | undefined {
  return localStorage.getItem(cityKey) ?? undefined;
}

export function rememberCity(city: string): void {
  localStorage.setItem(cityKey, city);
}
