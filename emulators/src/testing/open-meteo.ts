import type { FaultMode, RecordedRequest } from '../open-meteo/index.ts';

export type { FaultMode as OpenMeteoFaultMode, RecordedRequest as OpenMeteoRequest };

function controlUrl(path: string): string {
  const base = process.env.OPEN_METEO_API_URL;
  if (!base) {
    throw new Error(
      'OPEN_METEO_API_URL is not set: run under the vitest global setup (it starts the emulator suite) or export the line `npm run emulators` prints',
    );
  }
  return new URL(path, base).toString();
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(controlUrl(path), init);
  if (!response.ok) throw new Error(`Open-Meteo stand-in ${init?.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

export interface OpenMeteoRequestFilter {
  latitude?: number;
  longitude?: number;
  /** A geocoding search term. */
  name?: string;
  path?: '/v1/forecast' | '/v1/search';
}

/**
 * The requests the stand-in served that match, oldest first. Test files share one stand-in and
 * run in parallel, so filter by a location (or city name) only your test uses.
 */
export async function openMeteoRequests(filter: OpenMeteoRequestFilter = {}): Promise<RecordedRequest[]> {
  const query = new URLSearchParams(Object.entries(filter).map(([key, value]) => [key, String(value)]));
  const body = (await (await call(`/control/requests?${query}`)).json()) as { requests: RecordedRequest[] };
  return body.requests;
}

export interface OpenMeteoFault {
  /** `error` answers 500; `hang` never answers (until reset, the client gives up, or 2 minutes). */
  mode: FaultMode;
  latitude?: number;
  longitude?: number;
  name?: string;
  /** How many matching requests fail; every one until cleared when omitted. */
  times?: number;
}

/** Makes the matching requests fail; scope it to your test's location. */
export async function failOpenMeteo(fault: OpenMeteoFault): Promise<void> {
  await call('/control/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
}

/** Clears the faults armed for that location or name; every fault when called with nothing. */
export async function clearOpenMeteoFaults(scope: Omit<OpenMeteoRequestFilter, 'path'> = {}): Promise<void> {
  const query = new URLSearchParams(Object.entries(scope).map(([key, value]) => [key, String(value)]));
  await call(`/control/faults?${query}`, { method: 'DELETE' });
}
