import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * HTTP plumbing the stand-ins for outside services share (the mailbox, the Telegram and
 * Open-Meteo stand-ins): bounded JSON bodies, JSON replies, and problem+json for their own APIs.
 */

/** A stand-in refusing a call to its own API (the mailbox, a control API), with a stable code. */
export class StandInProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** A request's JSON body, at most `maxBytes`; an empty body reads as `{}`. */
export async function readJsonBody(request: IncomingMessage, maxBytes = 1024 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new StandInProblem(413, 'body-too-large', `The body exceeds ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StandInProblem(400, 'invalid-json', 'The body is not valid JSON');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

const titles: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  500: 'Internal Server Error',
};

/** RFC 9457 problem details; a reply already under way is cut instead, so the client sees a failure. */
export function sendProblem(response: ServerResponse, problem: StandInProblem): void {
  if (response.headersSent) return void response.destroy();
  const { status, code, message: detail } = problem;
  sendJson(response, status, { type: 'about:blank', title: titles[status] ?? 'Error', status, code, detail }, 'application/problem+json; charset=utf-8');
}

/** host:port as a client dials it, IPv6 hosts bracketed. */
export function urlHost(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Binds a stand-in's server (port 0 picks a free one); resolves with the port and host:port bound. */
export async function listen(server: Server, host: string, port = 0): Promise<{ port: number; host: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { port: bound, host: urlHost(host, bound) };
}

/** Stops a server once, however often asked; open keep-alive connections are cut, not waited for. */
export function stopOnce(server: Server, before: () => void = () => {}): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= new Promise<void>((resolve) => {
      before();
      server.close(() => resolve());
      server.closeAllConnections();
    }));
}
