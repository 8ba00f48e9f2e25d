'use client';
import { expectOk, type Schema } from '@plaza/api-client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { Field } from '../ui/field.tsx';
import { Loading } from '../ui/loading.tsx';
import { ProblemMessage } from '../ui/problem-message.tsx';
import { type WeatherPlace, currentPosition, rememberedCity, rememberCity } from './weather-place.ts';

type Weather = Schema<'WeatherWidget'>;

/**
 * The weather where you are (browser geolocation), or in a city you name when location is
 * refused or unavailable. The city is remembered in this browser.
 */
export function WeatherWidget() {
  const [place, setPlace] = useState<WeatherPlace>();
  const [weather, setWeather] = useState<Weather>();
  const [error, setError] = useState<unknown>();
  const [city, setCity] = useState('');
  const [askCity, setAskCity] = useState(false);

  useEffect(() => {
    const remembered = rememberedCity();
    if (remembered) return setPlace({ city: remembered });
    currentPosition().then(setPlace, () => setAskCity(true));
  }, []);

  const load = useCallback(async (where: WeatherPlace) => {
    setError(undefined);
    try {
      const query = 'city' in where ? { city: where.city } : { lat: String(where.lat), lon: String(where.lon) };
      setWeather(await expectOk(api.GET('/v1/widgets/weather', { params: { query } })));
    } catch (caught) {
      setError(caught);
      setAskCity(true);
    }
  }, []);
  useEffect(() => {
    if (place) void load(place);
  }, [place, load]);

  const onCity = (event: FormEvent) => {
    event.preventDefault();
    rememberCity(city.trim());
    setAskCity(false);
    setPlace({ city: city.trim() });
  };

  return (
    <>
      {weather ? <WeatherReport weather={weather} /> : place && !error ? <Loading label="Asking the sky…" /> : null}
      {!place && !askCity ? <Loading label="Finding where you are…" /> : null}
      <ProblemMessage error={error} />
      {askCity && !weather && !error ? <p className="muted">Your location is not available here. Name a city instead.</p> : null}
      {askCity || weather ? (
        <form onSubmit={onCity} aria-label="Weather city">
          <Field label="City" name="city" placeholder="e.g. Berlin" required minLength={2} maxLength={100} value={city} onChange={(event) => setCity(event.target.value)} />
          <div className="actions"><button type="submit" className="secondary">Show</button></div>
        </form>
      ) : null}
    </>
  );
}

function WeatherReport({ weather }: { weather: Weather }) {
  const { location, current, nextHours } = weather;
  const hour = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: location.timezone });
  return (
    <div data-testid="weather-report">
      <p>
        <strong>{Math.round(current.temperatureC)} °C</strong>, {current.condition.text}
        {location.name ? ` in ${location.name}` : ''}
        <span className="muted"> · feels like {Math.round(current.apparentTemperatureC)} °C, wind {Math.round(current.windSpeedKmh)} km/h</span>
      </p>
      {weather.stale ? <p className="muted">The weather service is not answering; this report is {Math.round(weather.ageSeconds / 60)} minutes old.</p> : null}
      <ul className="list" aria-label="Next hours">
        {nextHours.slice(0, 3).map((next) => (
          <li key={next.time}>
            <span>{hour.format(new Date(next.time))}</span>
            <span>{Math.round(next.temperatureC)} °C, {next.condition.text}{next.precipitationProbability !== null ? `, ${next.precipitationProbability}% rain` : ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
