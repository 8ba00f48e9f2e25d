import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { RunningService, ServiceOptions } from '../service.ts';
import { listen, readJsonBody, sendJson, sendProblem, StandInProblem, stopOnce } from '../stand-in-http.ts';
import { BotApiError, notFound, unauthorized } from './bot-api-error.ts';
import { callMethod, isAllowedUpdate, type MethodContext } from './bot-methods.ts';
import { createBotState, learnFromUpdate, type BotState } from './bot-state.ts';
import { createCallLog } from './call-log.ts';
import { createChatFaults, type ChatFaults } from './chat-faults.ts';
import { readParams } from './request-params.ts';
import { createSendLimiter, type SendLimiter } from './send-limits.ts';

export interface TelegramEmulatorOptions extends ServiceOptions {
  now?: () => number;
  /** How long an injected update waits for the webhook's answer (Telegram gives up after about 60 s). */
  webhookTimeoutMs?: number;
}

/** The bot every stand-in knows from the start, for `npm start` and quick tries; tests register their own. */
export const localBot = {
  token: '7000000001:AAPlazaLocalBotTokenForTheEmulator1',
  username: 'plaza_local_bot',
  first_name: 'Plaza (local)',
} as const;

interface Bot {
  state: BotState;
  faults: ChatFaults;
  limiter: SendLimiter;
}

const tokenPattern = /^\d{1,15}:[A-Za-z0-9_-]{20,64}$/;

const registerBotSchema = z.strictObject({
  token: z.string().regex(tokenPattern, 'must look like a Bot API token, <digits>:<20-64 of A-Z a-z 0-9 _ ->').optional(),
  username: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{3,30}bot$/i, 'must end in "bot"').optional(),
  first_name: z.string().min(1).max(64).optional(),
});
const faultSchema = z.strictObject({
  chat_id: z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform(String),
  kind: z.enum(['blocked', 'too_many_requests']),
  retry_after: z.number().int().min(1).max(3600).default(5),
  times: z.number().int().min(1).max(10_000).optional(),
});
const limitsSchema = z.strictObject({
  enabled: z.boolean(),
  per_chat: z.number().int().min(1).max(1000).optional(),
  chat_window_ms: z.number().int().min(1).max(3_600_000).optional(),
  per_bot: z.number().int().min(1).max(100_000).optional(),
  bot_window_ms: z.number().int().min(1).max(3_600_000).optional(),
});
const updateSchema = z.looseObject({ update_id: z.number().int().min(0).optional() }).refine(
  (update) => Object.keys(update).some((key) => key !== 'update_id'),
  'an update needs one field besides update_id, e.g. message',
);

/**
 * The Telegram Bot API (`/bot<token>/<method>`) and a control API (`/control/...`, see the
 * package README) on one port.
 */
export async function startTelegramEmulator(options: TelegramEmulatorOptions = {}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 60_000;
  const calls = createCallLog();
  const bots = new Map<string, Bot>();

  const addBot = (token: string, names: { first_name: string; username: string }): Bot => {
    const bot = { state: createBotState(token, names), faults: createChatFaults(), limiter: createSendLimiter(now) };
    bots.set(token, bot);
    return bot;
  };
  const addLocalBot = () => addBot(localBot.token, localBot);
  addLocalBot();

  const contextOf = (bot: Bot): MethodContext => ({ bot: bot.state, faults: bot.faults, limiter: bot.limiter, now });

  /** Runs one method for a bot and records it, whatever the outcome. */
  const run = (bot: Bot, method: string, params: Record<string, unknown>, via: 'http' | 'webhook-reply') => {
    const base = { token: bot.state.token, method, params, at: new Date(now()).toISOString(), via };
    try {
      const outcome = callMethod(contextOf(bot), method, params);
      calls.record({ ...base, ok: true, status: 200, result: outcome.result });
      return { status: 200, body: { ok: true, result: outcome.result, ...(outcome.description ? { description: outcome.description } : {}) } };
    } catch (error) {
      const apiError = error instanceof BotApiError ? error : new BotApiError(500, 'Internal Server Error');
      calls.record({ ...base, ok: false, status: apiError.errorCode, error_code: apiError.errorCode, description: apiError.description });
      return { status: apiError.errorCode, body: apiError.toJSON() };
    }
  };

  const handleBotApi = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) throw notFound();
    const token = decodeURIComponent(match[1] ?? '');
    const method = match[2] ?? '';
    const bot = bots.get(token);
    if (!bot) {
      // Telegram: a token of the right shape that it does not know is 401; anything else 404.
      request.resume();
      throw tokenPattern.test(token) ? unauthorized() : notFound();
    }
    let params: Record<string, unknown>;
    try {
      params = await readParams(request, url);
    } catch (error) {
      if (error instanceof BotApiError) calls.record({ token, method, params: {}, at: new Date(now()).toISOString(), via: 'http', ok: false, status: error.errorCode, error_code: error.errorCode, description: error.description });
      throw error;
    }
    const answer = run(bot, method, params, 'http');
    sendJson(response, answer.status, answer.body);
  };

  const deliverUpdate = async (bot: Bot, update: Record<string, unknown>) => {
    const hook = bot.state.webhook;
    if (!hook) throw new StandInProblem(409, 'no-webhook', 'The bot has no webhook; call setWebhook first');
    const update_id = typeof update.update_id === 'number' ? update.update_id : bot.state.nextUpdateId;
    bot.state.nextUpdateId = Math.max(bot.state.nextUpdateId, update_id + 1);
    const full = { ...update, update_id };
    const { type, allowed } = isAllowedUpdate(full, hook.allowedUpdates);
    if (!allowed) return { update_id, delivered: false, reason: `allowed_updates does not include ${type}` };
    learnFromUpdate(bot.state, full);

    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (hook.secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secretToken;
    try {
      const reply = await fetch(hook.url, { method: 'POST', headers, body: JSON.stringify(full), signal: AbortSignal.timeout(webhookTimeoutMs) });
      const text = await reply.text();
      if (!reply.ok) {
        hook.lastErrorDate = Math.floor(now() / 1000);
        hook.lastErrorMessage = `Wrong response from the webhook: ${reply.status} ${reply.statusText}`;
      }
      // A bot may answer an update by putting a method call in its webhook response.
      const webhookReply = reply.ok ? methodInReply(text, reply.headers.get('content-type')) : undefined;
      const replied = webhookReply ? run(bot, webhookReply.method, webhookReply.params, 'webhook-reply') : undefined;
      return { update_id, delivered: true, status: reply.status, body: text, ...(replied ? { webhook_reply: replied.body } : {}) };
    } catch (error) {
      hook.lastErrorDate = Math.floor(now() / 1000);
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      hook.lastErrorMessage = timedOut ? 'Read timeout expired' : 'Connection refused';
      return { update_id, delivered: false, reason: hook.lastErrorMessage };
    }
  };

  const botFor = (token: string): Bot => {
    const bot = bots.get(token);
    if (!bot) throw new StandInProblem(404, 'unknown-bot', 'No bot with that token; register it with POST /control/bots');
    return bot;
  };

  const handleControl = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (path === '/control/calls' && method === 'GET') {
      const filter = {
        token: url.searchParams.get('token') ?? undefined,
        method: url.searchParams.get('method') ?? undefined,
        chatId: url.searchParams.get('chat_id') ?? undefined,
      };
      return sendJson(response, 200, { calls: calls.list(filter) });
    }
    if (path === '/control/calls' && method === 'DELETE') {
      calls.clear(url.searchParams.get('token') ?? undefined);
      return sendJson(response, 200, { ok: true });
    }
    if (path === '/control/bots' && method === 'POST') {
      const body = parse(registerBotSchema, await readJsonBody(request));
      const token = body.token ?? `${7_100_000_000 + Math.floor(Math.random() * 899_999_999)}:${randomBytes(26).toString('base64url')}`;
      if (bots.has(token)) throw new StandInProblem(409, 'bot-exists', 'A bot with that token is registered');
      const id = token.split(':')[0] ?? '';
      const bot = addBot(token, { first_name: body.first_name ?? `Test bot ${id}`, username: body.username ?? `test_${id}_bot` });
      return sendJson(response, 201, { token, user: bot.state.user });
    }
    if (path === '/control/reset' && method === 'POST') {
      reset();
      return sendJson(response, 200, { ok: true });
    }
    const botMatch = /^\/control\/bots\/([^/]+)(\/[a-z]+)?$/.exec(path);
    if (botMatch) {
      const bot = botFor(decodeURIComponent(botMatch[1] ?? ''));
      const part = botMatch[2] ?? '';
      if (part === '' && method === 'GET') {
        const commands = Object.fromEntries(bot.state.commands);
        return sendJson(response, 200, { user: bot.state.user, webhook: bot.state.webhook ?? null, commands, limits: bot.limiter.settings(), faults: bot.faults.list() });
      }
      if (part === '/updates' && method === 'POST') {
        const update = parse(updateSchema, await readJsonBody(request));
        return sendJson(response, 200, await deliverUpdate(bot, update));
      }
      if (part === '/faults' && method === 'POST') {
        const fault = parse(faultSchema, await readJsonBody(request));
        bot.faults.arm({ chatId: fault.chat_id, kind: fault.kind, retryAfter: fault.retry_after, remaining: fault.times });
        return sendJson(response, 201, { faults: bot.faults.list() });
      }
      if (part === '/faults' && method === 'DELETE') {
        bot.faults.clear(url.searchParams.get('chat_id') ?? undefined);
        return sendJson(response, 200, { faults: bot.faults.list() });
      }
      if (part === '/limits' && method === 'PUT') {
        const limits = parse(limitsSchema, await readJsonBody(request));
        bot.limiter.configure({
          enabled: limits.enabled,
          ...(limits.per_chat !== undefined ? { perChat: limits.per_chat } : {}),
          ...(limits.chat_window_ms !== undefined ? { chatWindowMs: limits.chat_window_ms } : {}),
          ...(limits.per_bot !== undefined ? { perBot: limits.per_bot } : {}),
          ...(limits.bot_window_ms !== undefined ? { botWindowMs: limits.bot_window_ms } : {}),
        });
        return sendJson(response, 200, bot.limiter.settings());
      }
    }
    throw new StandInProblem(404, 'not-found', `No control route ${method} ${path}`);
  };

  const reset = (): void => {
    bots.clear();
    calls.clear();
    addLocalBot();
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://telegram');
    const handler = url.pathname.startsWith('/control/') ? handleControl : handleBotApi;
    handler(request, response, url).catch((error: unknown) => {
      // A control-API refusal is problem+json, so it never looks like a Bot API answer.
      if (error instanceof StandInProblem) return sendProblem(response, error);
      const apiError = error instanceof BotApiError ? error : new BotApiError(500, 'Internal Server Error');
      sendJson(response, apiError.errorCode, apiError.toJSON());
    });
  });
  const bound = await listen(server, host, options.port);
  return {
    ...bound,
    env: { TELEGRAM_API_ROOT: `http://${bound.host}` },
    async reset() {
      reset();
    },
    stop: stopOnce(server),
  };
}

function methodInReply(text: string, contentType: string | null): { method: string; params: Record<string, unknown> } | undefined {
  if (!contentType?.includes('application/json') || text.trim() === '') return undefined;
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && typeof (body as { method?: unknown }).method === 'string') {
      const { method, ...params } = body as { method: string } & Record<string, unknown>;
      return { method, params };
    }
  } catch {
    // Not JSON: Telegram ignores the body of a webhook response that carries no method.
  }
  return undefined;
}


function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new StandInProblem(400, 'invalid-request', `${issue?.path.map(String).join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`);
}

