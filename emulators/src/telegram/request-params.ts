import type { IncomingMessage } from 'node:http';
import { badRequest, BotApiError } from './bot-api-error.ts';

const maxBodyBytes = 50 * 1024 * 1024; // Telegram's upload limit for bots

/**
 * A method's parameters, however the client sent them: the query string (GET), a JSON body,
 * a form-urlencoded body or a multipart body, as the Bot API accepts all four. Form and
 * multipart values are strings; fields that carry JSON there (reply_markup, commands, scope,
 * allowed_updates, entities) are decoded, as Telegram does.
 */
export async function readParams(request: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const body = await readBody(request);
  if (body.length === 0) return decodeJsonFields(params);
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest("can't parse JSON object");
    return { ...params, ...(parsed as Record<string, unknown>) };
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    } catch {
      throw badRequest("can't parse request body");
    }
    for (const [key, value] of form) params[key] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
    return decodeJsonFields(params);
  }
  return decodeJsonFields(params);
}

const jsonFields = ['reply_markup', 'commands', 'scope', 'allowed_updates', 'entities', 'link_preview_options', 'reply_parameters'];

function decodeJsonFields(params: Record<string, unknown>): Record<string, unknown> {
  for (const field of jsonFields) {
    const value = params[field];
    if (typeof value !== 'string') continue;
    try {
      params[field] = JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${field} JSON object`);
    }
  }
  return params;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new BotApiError(413, 'Request Entity Too Large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
