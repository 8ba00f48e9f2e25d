import type { IncomingMessage, ServerResponse } from 'node:http';
import { FirestoreError } from './errors.ts';
import { parseDatabaseName, type DatabaseName } from './resource-names.ts';

const CLEAR_DATABASE = /^\/emulator\/v1\/(projects\/[^/]+\/databases\/[^/]+)\/documents\/?$/;

/**
 * The official emulator's HTTP endpoints that test suites use, so they run unchanged against
 * either: `GET /` as a health check and `DELETE /emulator/v1/{database}/documents` to wipe one
 * database between tests.
 */
export function createAdminHttpHandler(clearDatabase: (database: DatabaseName) => void) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    // Drain any body so keep-alive connections stay usable.
    request.resume();
    try {
      route(request, response, clearDatabase);
    } catch (error) {
      const status = error instanceof FirestoreError ? 400 : 500;
      reply(response, status, errorBody(status, error instanceof Error ? error.message : String(error)));
    }
  };
}

function route(request: IncomingMessage, response: ServerResponse, clearDatabase: (database: DatabaseName) => void): void {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (request.method === 'GET' && path === '/') return reply(response, 200, 'Ok', 'text/plain');
  const database = CLEAR_DATABASE.exec(path)?.[1];
  if (database === undefined) return reply(response, 404, errorBody(404, `No route for ${request.method} ${path}.`));
  if (request.method !== 'DELETE') return reply(response, 405, errorBody(405, `Use DELETE on ${path}.`));
  clearDatabase(parseDatabaseName(database));
  reply(response, 200, '{}');
}

function reply(response: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function errorBody(code: number, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
