import type { WeatherWidget } from '@plaza/contracts';

/** The chat message for a weather answer: `now` is the current conditions, `3h` adds the next hours. */
export function weatherReply(widget: WeatherWidget, period: 'now' | '3h'): string {
  const { location, current } = widget;
  const place = location.name ? `${location.name}${location.country ? `, ${location.country}` : ''}` : `${location.latitude.toFixed(2)}, ${location.longitude.toFixed(2)}`;
  const lines = [
    `Weather for ${place}, ${localTime(current.time, location.utcOffsetSeconds)} local time:`,
    `${current.condition.text}, ${degrees(current.temperatureC)} (feels like ${degrees(current.apparentTemperatureC)}), humidity ${Math.round(current.relativeHumidity)}%, wind ${Math.round(current.windSpeedKmh)} km/h.`,
  ];
  if (period === '3h') {
    lines.push('', 'Next hours:');
    for (const hour of widget.nextHours.slice(0, 3)) {
      const rain = hour.precipitationProbability === null ? '' : `, ${Math.round(hour.precipitationProbability)}% chance of rain`;
      lines.push(`${localTime(hour.time, location.utcOffsetSeconds)}: ${hour.condition.text}, ${degrees(hour.temperatureC)}${rain}`);
    }
  }
  if (widget.stale) lines.push('', `(The weather service is not answering; this report is ${Math.round(widget.ageSeconds / 60)} minutes old.)`);
  return lines.join('\n');
}

/** When the weather service fails with nothing cached to fall back on. */
export const weatherUnavailableReply = 'Sorry, the weather service is not answering right now. Please try /weather again in a few minutes.';

const degrees = (celsius: number): string => `${Math.round(celsius)}°C`;

function localTime(isoInstant: string, utcOffsetSeconds: number): string {
  return new Date(Date.parse(isoInstant) + utcOffsetSeconds * 1000).toISOString().slice(11, 16);
}
