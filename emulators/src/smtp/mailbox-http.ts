import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { RunningService, ServiceOptions } from '../service.ts';
import { faultCodes } from './delivery-faults.ts';
import { listen, readJsonBody, sendJson, sendProblem, StandInProblem, stopOnce } from '../stand-in-http.ts';
import { createMailCatcher, type MailCatcher } from './mail-catcher.ts';
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

/** The mailbox HTTP API over the caught mail; the README of this package describes each route. */
export async function startMailboxEmulator(options: MailboxEmulatorOptions = {}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const catcher = options.catcher ?? createMailCatcher();
  const server = createServer((request, response) => {
    handle(request, response, catcher).catch((error: unknown) => {
      const problem = error instanceof StandInProblem ? error : new StandInProblem(500, 'internal', 'The mailbox failed to answer');
      sendProblem(response, problem);
    });
  });
  const bound = await listen(server, host, options.port);
  return {
    ...bound,
    env: { PLAZA_MAILBOX_URL: `http://${bound.host}` },
    async reset() {
      catcher.store.clear();
      catcher.faults.clear();
    },
    stop: stopOnce(server),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, catcher: MailCatcher): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://mailbox');
  const method = request.method ?? 'GET';
  const route = (allowed: readonly string[]): void => {
    if (!allowed.includes(method)) {
      response.setHeader('Allow', allowed.join(', '));
      throw new StandInProblem(405, 'method-not-allowed', `${method} is not allowed on ${url.pathname}`);
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
    if (!message) throw new StandInProblem(404, 'message-not-found', `No message with id "${id}" (it may have been cleared)`);
    return sendJson(response, 200, message);
  }
  if (url.pathname === '/faults') {
    route(['GET', 'POST', 'DELETE']);
    if (method === 'GET') return sendJson(response, 200, { faults: catcher.faults.list() });
    if (method === 'DELETE') {
      catcher.faults.clear();
      return sendEmpty(response);
    }
    const fault = parseFault(await readJsonBody(request, maxBodyBytes));
    catcher.faults.arm({ to: fault.to, code: fault.code, remaining: fault.times });
    return sendJson(response, 201, { to: fault.to.toLowerCase(), code: fault.code, times: fault.times ?? null });
  }
  throw new StandInProblem(404, 'not-found', `No route for ${url.pathname}`);
}

function parseFault(body: unknown): z.infer<typeof faultRequestSchema> {
  const result = faultRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(body)';
  throw new StandInProblem(400, 'invalid-fault', `${field}: ${issue?.message ?? 'invalid'} (code is one of ${faultCodes.join(', ')})`);
}



function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

function sendEmpty(response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}


