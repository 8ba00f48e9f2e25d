/** Wall-clock time at a time zone, as Open-Meteo writes it: `YYYY-MM-DDTHH:MM`, no offset. */
export function localIsoMinute(instantMs: number, timeZone: string): string {
  const parts = partsAt(instantMs, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The zone's offset from UTC at that instant, in whole seconds. */
export function utcOffsetSeconds(instantMs: number, timeZone: string): number {
  const parts = partsAt(instantMs, timeZone);
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(instantMs / 60_000) * 60_000) / 1000);
}

export function timeZoneAbbreviation(instantMs: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(instantMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name === 'UTC' ? 'GMT' : (name ?? 'GMT');
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsAt(instantMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instantMs).map((part) => [part.type, part.value]));
  return { year: parts.year ?? '1970', month: parts.month ?? '01', day: parts.day ?? '01', hour: parts.hour ?? '00', minute: parts.minute ?? '00' };
}
