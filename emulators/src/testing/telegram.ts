import type { ChatFaultKind, RecordedCall } from '../telegram/index.ts';

export type { RecordedCall as TelegramCall, ChatFaultKind as TelegramChatFaultKind };

/** TELEGRAM_API_ROOT, which is also what grammY takes as `client.apiRoot`. */
export function telegramApiRoot(): string {
  const root = process.env.TELEGRAM_API_ROOT;
  if (!root) {
    throw new Error(
      'TELEGRAM_API_ROOT is not set: run under the vitest global setup (it starts the emulator suite) or export the line `npm run emulators` prints',
    );
  }
  return root;
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(new URL(path, telegramApiRoot()), init);
  if (!response.ok) throw new Error(`Telegram stand-in ${init?.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const botPath = (token: string, part = '') => `/control/bots/${encodeURIComponent(token)}${part}`;

export interface TestBot {
  token: string;
  user: { id: number; is_bot: true; first_name: string; username: string; can_join_groups: boolean; can_read_all_group_messages: boolean; supports_inline_queries: boolean };
}

/**
 * A bot of the test's own (a fresh token unless one is given): calls, webhook, faults and limits
 * are per bot, so test files sharing the stand-in never see each other's.
 */
export async function registerTelegramBot(options: { token?: string; username?: string; first_name?: string } = {}): Promise<TestBot> {
  return (await (await call('/control/bots', json('POST', options))).json()) as TestBot;
}

/** The calls the bot made, oldest first, optionally only one method or one chat's. */
export async function telegramCalls(token: string, filter: { method?: string; chatId?: number | string } = {}): Promise<RecordedCall[]> {
  const query = new URLSearchParams({ token });
  if (filter.method) query.set('method', filter.method);
  if (filter.chatId !== undefined) query.set('chat_id', String(filter.chatId));
  return ((await (await call(`/control/calls?${query}`)).json()) as { calls: RecordedCall[] }).calls;
}

export async function clearTelegramCalls(token: string): Promise<void> {
  await call(`/control/calls?${new URLSearchParams({ token })}`, { method: 'DELETE' });
}

export interface InjectedUpdate {
  update_id: number;
  delivered: boolean;
  /** The webhook's HTTP status and body, when it answered. */
  status?: number;
  body?: string;
  /** Why it was not delivered (no answer, or allowed_updates excludes its type). */
  reason?: string;
  /** What the stand-in answered to a method the webhook put in its response. */
  webhook_reply?: unknown;
}

/**
 * POSTs an update to the bot's webhook as Telegram does (with X-Telegram-Bot-Api-Secret-Token when
 * set) and waits for the webhook's answer. update_id is assigned when left out.
 */
export async function injectTelegramUpdate(token: string, update: Record<string, unknown>): Promise<InjectedUpdate> {
  return (await (await call(botPath(token, '/updates'), json('POST', update))).json()) as InjectedUpdate;
}

/** Makes calls to one chat fail: 403 blocked (until cleared) or 429 with retry_after (`times` calls). */
export async function failTelegramChat(
  token: string,
  fault: { chatId: number | string; kind: ChatFaultKind; retryAfter?: number; times?: number },
): Promise<void> {
  await call(botPath(token, '/faults'), json('POST', { chat_id: String(fault.chatId), kind: fault.kind, retry_after: fault.retryAfter, times: fault.times }));
}

export async function clearTelegramFaults(token: string, chatId?: number | string): Promise<void> {
  const query = chatId === undefined ? '' : `?${new URLSearchParams({ chat_id: String(chatId) })}`;
  await call(botPath(token, `/faults${query}`), { method: 'DELETE' });
}

/** Turns Telegram's send limits on (1 a second per chat, 30 a second per bot by default) or off. */
export async function setTelegramLimits(
  token: string,
  limits: { enabled: boolean; perChat?: number; chatWindowMs?: number; perBot?: number; botWindowMs?: number },
): Promise<void> {
  await call(
    botPath(token, '/limits'),
    json('PUT', { enabled: limits.enabled, per_chat: limits.perChat, chat_window_ms: limits.chatWindowMs, per_bot: limits.perBot, bot_window_ms: limits.botWindowMs }),
  );
}
