import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { RunningService, ServiceOptions } from '../service.ts';
import { forecast } from './forecast.ts';
import { searchCities } from './geocoding.ts';
import { listen, readJsonBody, sendJson, sendProblem, StandInProblem, stopOnce } from '../stand-in-http.ts';
import { StandInHttpError } from './open-meteo-error.ts';
import { createUpstreamFaults, matches, type RequestFacts } from './upstream-faults.ts';

export interface OpenMeteoEmulatorOptions extends ServiceOptions {
  /** The clock the forecasts are computed at; the real one by default. */
  now?: () => number;
  /** How long a `hang` fault holds a request before giving up on it (bounded so nothing leaks). */
  maxHangMs?: number;
}

export interface RecordedRequest extends RequestFacts {
  path: string;
  query: string;
  at: string;
}

const faultSchema = z.strictObject({
  mode: z.enum(['error', 'hang']),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  name: z.string().min(1).max(200).optional(),
  times: z.number().int().min(1).max(1000).optional(),
});

const maxRecordedRequests = 10_000;

/**
 * Open-Meteo's forecast (`/v1/forecast`) and geocoding (`/v1/search`) APIs on one port, with a
 * control API under `/control/` (see the package README).
 */
export async function startOpenMeteoEmulator(options: OpenMeteoEmulatorOptions = {}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const maxHangMs = options.maxHangMs ?? 120_000;
  const faults = createUpstreamFaults();
  let requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://open-meteo');
    const method = request.method ?? 'GET';

    if (url.pathname.startsWith('/control/')) return handleControl(url, method, request, response);
    if (url.pathname !== '/v1/forecast' && url.pathname !== '/v1/search') {
      throw new StandInHttpError(404, { error: true, reason: 'Not Found' });
    }
    if (method !== 'GET' && method !== 'HEAD') throw new StandInHttpError(405, { error: true, reason: 'Method Not Allowed' });

    const facts = factsOf(url);
    requests.push({ path: url.pathname, query: url.search, at: new Date(now()).toISOString(), ...facts });
    if (requests.length > maxRecordedRequests) requests = requests.slice(-maxRecordedRequests);

    const fault = faults.take(facts);
    if (fault === 'error') throw new StandInHttpError(500, { error: true, reason: 'Internal server error (a fault armed on the stand-in)' });
    if (fault === 'hang') return hang(response);

    const body = url.pathname === '/v1/forecast' ? forecast(url.searchParams, now()) : searchCities(url.searchParams);
    sendJson(response, 200, body);
  };

  const handleControl = async (url: URL, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (url.pathname === '/control/requests' && method === 'GET') {
      const filter = filterOf(url.searchParams);
      const path = url.searchParams.get('path');
      const matching = requests.filter((entry) => matches(filter, entry) && (path === null || entry.path === path));
      return sendJson(response, 200, { count: matching.length, requests: matching });
    }
    if (url.pathname === '/control/requests' && method === 'DELETE') {
      requests = [];
      return sendJson(response, 200, { ok: true });
    }
    if (url.pathname === '/control/faults' && method === 'GET') return sendJson(response, 200, { faults: faults.list() });
    if (url.pathname === '/control/faults' && method === 'POST') {
      const parsed = faultSchema.safeParse(await readJsonBody(request, 16 * 1024));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StandInHttpError(400, { error: true, reason: `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}` });
      }
      const { times, ...fault } = parsed.data;
      faults.arm({ ...fault, remaining: times });
      return sendJson(response, 201, { ...fault, times: times ?? null });
    }
    if (url.pathname === '/control/faults' && method === 'DELETE') {
      faults.clear(filterOf(url.searchParams));
      return sendJson(response, 200, { ok: true });
    }
    if (url.pathname === '/control/reset' && method === 'POST') {
      reset();
      return sendJson(response, 200, { ok: true });
    }
    throw new StandInHttpError(404, { error: true, reason: `No control route ${method} ${url.pathname}` });
  };

  // Holds the request open without answering, as an overloaded upstream does; the client's own
  // timeout is what the test exercises. Released by reset, stop, the client leaving, or maxHangMs.
  const hang = (response: ServerResponse): void => {
    hanging.add(response);
    const release = setTimeout(() => {
      hanging.delete(response);
      sendJson(response, 504, { error: true, reason: 'The stand-in held this request as long as it may' });
    }, maxHangMs);
    release.unref();
    response.once('close', () => {
      clearTimeout(release);
      hanging.delete(response);
    });
  };

  const reset = (): void => {
    requests = [];
    faults.clear();
    for (const response of hanging) response.destroy();
    hanging.clear();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof StandInHttpError) return sendJson(response, error.status, error.body);
      if (error instanceof StandInProblem) return sendProblem(response, error);
      sendJson(response, 500, { error: true, reason: error instanceof Error ? error.message : String(error) });
    });
  });
  const bound = await listen(server, host, options.port);
  const origin = `http://${bound.host}`;
  return {
    ...bound,
    env: { OPEN_METEO_API_URL: origin, OPEN_METEO_GEOCODING_URL: origin },
    async reset() {
      reset();
    },
    stop: stopOnce(server, reset),
  };
}

function factsOf(url: URL): RequestFacts {
  const number = (key: string): number | undefined => {
    const text = url.searchParams.get(key);
    const value = text === null || text.trim() === '' ? Number.NaN : Number(text);
    return Number.isFinite(value) ? value : undefined;
  };
  const name = url.searchParams.get('name') ?? undefined;
  return { latitude: number('latitude'), longitude: number('longitude'), ...(name === undefined ? {} : { name }) };
}

function filterOf(query: URLSearchParams): RequestFacts {
  const number = (key: string): number | undefined => (query.has(key) ? Number(query.get(key)) : undefined);
  return { latitude: number('latitude'), longitude: number('longitude'), name: query.get('name') ?? undefined };
}
