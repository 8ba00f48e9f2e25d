/** A timestamp from the API in the viewer's language and time zone; `fallback` when there is none. */
export function formatWhen(iso: string | null | undefined, fallback = '—', locales?: Intl.LocalesArgument, timeZone?: string): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  return new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}
