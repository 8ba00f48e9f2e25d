import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { RunningService, ServiceOptions } from '../service.ts';
import { faultCodes } from './delivery-faults.ts';
import { createMailCatcher, urlHost, type MailCatcher } from './mail-catcher.ts';
import { renderMailboxPage } from './mailbox-page.ts';

export interface MailboxEmulatorOptions extends ServiceOptions {
  /** Shared with the SMTP listener; a fresh one by default. */
  catcher?: MailCatcher;
}

const faultRequestSchema = z.strictObject({
  to: z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'),
  code: z.union(faultCodes.map((code) => z.literal(code))),
  times: z.number().int().min(1).max(1000).optional(),
});

const maxBodyBytes = 16 * 1024;
const pageSize = 50;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** The mailbox HTTP API over the caught mail; the README of this package describes each route. */
export async function startMailboxEmulator(options: MailboxEmulatorOptions = {}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const catcher = options.catcher ?? createMailCatcher();
  const server = createServer((request, response) => {
    handle(request, response, catcher).catch((error: unknown) => {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'internal', 'The mailbox failed to answer');
      sendProblem(response, problem);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    port,
    host: urlHost(host, port),
    env: { PLAZA_MAILBOX_URL: `http://${urlHost(host, port)}` },
    async reset() {
      catcher.store.clear();
      catcher.faults.clear();
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, catcher: MailCatcher): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://mailbox');
  const method = request.method ?? 'GET';
  const route = (allowed: readonly string[]): void => {
    if (!allowed.includes(method)) {
      response.setHeader('Allow', allowed.join(', '));
      throw new HttpProblem(405, 'method-not-allowed', `${method} is not allowed on ${url.pathname}`);
    }
  };

  if (url.pathname === '/') {
    route(['GET']);
    return sendHtml(response, renderMailboxPage(catcher.store.list().slice(0, pageSize)));
  }
  if (url.pathname === '/messages') {
    route(['GET', 'DELETE']);
    if (method === 'DELETE') {
      catcher.store.clear();
      return sendEmpty(response);
    }
    const to = url.searchParams.get('to') ?? undefined;
    return sendJson(response, 200, { messages: catcher.store.list(to) });
  }
  const messageMatch = /^\/messages\/([^/]+)$/.exec(url.pathname);
  if (messageMatch) {
    route(['GET']);
    const id = decodeURIComponent(messageMatch[1] ?? '');
    const message = catcher.store.get(id);
    if (!message) throw new HttpProblem(404, 'message-not-found', `No message with id "${id}" (it may have been cleared)`);
    return sendJson(response, 200, message);
  }
  if (url.pathname === '/faults') {
    route(['GET', 'POST', 'DELETE']);
    if (method === 'GET') return sendJson(response, 200, { faults: catcher.faults.list() });
    if (method === 'DELETE') {
      catcher.faults.clear();
      return sendEmpty(response);
    }
    const fault = parseFault(await readJsonBody(request));
    catcher.faults.arm({ to: fault.to, code: fault.code, remaining: fault.times });
    return sendJson(response, 201, { to: fault.to.toLowerCase(), code: fault.code, times: fault.times ?? null });
  }
  throw new HttpProblem(404, 'not-found', `No route for ${url.pathname}`);
}

function parseFault(body: unknown): z.infer<typeof faultRequestSchema> {
  const result = faultRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(body)';
  throw new HttpProblem(400, 'invalid-fault', `${field}: ${issue?.message ?? 'invalid'} (code is one of ${faultCodes.join(', ')})`);
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new HttpProblem(413, 'body-too-large', `The body exceeds ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, 'invalid-json', 'The body is not valid JSON');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

function sendEmpty(response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}

function sendProblem(response: ServerResponse, problem: HttpProblem): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(problem.status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
  response.end(
    JSON.stringify({ type: 'about:blank', title: titleOf(problem.status), status: problem.status, code: problem.code, detail: problem.message }),
  );
}

function titleOf(status: number): string {
  const titles: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Content Too Large', 500: 'Internal Server Error' };
  return titles[status] ?? 'Error';
}
