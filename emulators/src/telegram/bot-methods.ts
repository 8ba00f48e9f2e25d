import { badRequest, BotApiError, notFound, tooManyRequests } from './bot-api-error.ts';
import { chatFor, type BotState, type Chat } from './bot-state.ts';
import type { ChatFaults } from './chat-faults.ts';
import type { SendLimiter } from './send-limits.ts';

export interface MethodContext {
  bot: BotState;
  faults: ChatFaults;
  limiter: SendLimiter;
  now: () => number;
}

export interface MethodOutcome {
  result: unknown;
  /** Telegram adds one to some answers, e.g. "Webhook was set". */
  description?: string;
}

type Params = Record<string, unknown>;
type Method = (context: MethodContext, params: Params) => MethodOutcome;

/** Update types Telegram sends when allowed_updates is empty or unset. */
export const defaultUpdateTypes = [
  'message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_connection', 'business_message',
  'edited_business_message', 'deleted_business_messages', 'inline_query', 'chosen_inline_result', 'callback_query',
  'shipping_query', 'pre_checkout_query', 'purchased_paid_media', 'poll', 'poll_answer', 'my_chat_member',
  'chat_join_request', 'chat_boost', 'removed_chat_boost',
];
const optInUpdateTypes = ['chat_member', 'message_reaction', 'message_reaction_count'];

const methods: Record<string, Method> = {
  getme: ({ bot }) => ({ result: bot.user }),

  sendmessage: (context, params) => {
    const chat = targetChat(context, params);
    const raw = typeof params.text === 'string' || typeof params.text === 'number' ? String(params.text) : '';
    const text = params.parse_mode === 'HTML' ? stripHtml(raw) : raw;
    if (text.trim() === '') throw badRequest('message text is empty');
    if (text.length > 4096) throw badRequest('message is too long');
    throttle(context, chat);
    return { result: { ...message(context, chat), text, ...replyMarkupOf(params) } };
  },

  sendlocation: (context, params) => {
    const chat = targetChat(context, params);
    const latitude = Number(params.latitude);
    const longitude = Number(params.longitude);
    if (params.latitude === undefined || !(Math.abs(latitude) <= 90)) throw badRequest('wrong latitude specified');
    if (params.longitude === undefined || !(Math.abs(longitude) <= 180)) throw badRequest('wrong longitude specified');
    throttle(context, chat);
    return { result: { ...message(context, chat), location: { latitude, longitude }, ...replyMarkupOf(params) } };
  },

  sendchataction: (context, params) => {
    targetChat(context, params);
    if (typeof params.action !== 'string' || params.action === '') throw badRequest('wrong parameter action in request');
    return { result: true };
  },

  setwebhook: ({ bot }, params) => {
    const url = typeof params.url === 'string' ? params.url.trim() : '';
    if (url === '') {
      const had = bot.webhook !== undefined;
      bot.webhook = undefined;
      return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
    }
    // Telegram insists on HTTPS; a local stand-in must accept the http:// of a local server too.
    if (!/^https?:\/\/[^\s/]+/.test(url)) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secret = params.secret_token;
    if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      throw badRequest('secret token contains unallowed characters');
    }
    const allowed = params.allowed_updates;
    if (allowed !== undefined && (!Array.isArray(allowed) || !allowed.every((type) => typeof type === 'string'))) {
      throw badRequest("can't parse allowed updates");
    }
    const maxConnections = params.max_connections === undefined ? 40 : Number(params.max_connections);
    if (!Number.isInteger(maxConnections) || maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100');
    const same = bot.webhook?.url === url;
    bot.webhook = {
      url,
      ...(typeof secret === 'string' ? { secretToken: secret } : {}),
      // Telegram keeps the previous list when allowed_updates is not given.
      ...(allowed !== undefined ? { allowedUpdates: allowed as string[] } : bot.webhook?.allowedUpdates ? { allowedUpdates: bot.webhook.allowedUpdates } : {}),
      maxConnections,
    };
    return { result: true, description: same ? 'Webhook is already set' : 'Webhook was set' };
  },

  deletewebhook: ({ bot }) => {
    const had = bot.webhook !== undefined;
    bot.webhook = undefined;
    return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
  },

  getwebhookinfo: ({ bot }) => {
    const hook = bot.webhook;
    if (!hook) return { result: { url: '', has_custom_certificate: false, pending_update_count: 0 } };
    return {
      result: {
        url: hook.url,
        has_custom_certificate: false,
        pending_update_count: 0,
        max_connections: hook.maxConnections,
        ip_address: '127.0.0.1',
        ...(hook.allowedUpdates && hook.allowedUpdates.length > 0 ? { allowed_updates: hook.allowedUpdates } : {}),
        ...(hook.lastErrorDate ? { last_error_date: hook.lastErrorDate, last_error_message: hook.lastErrorMessage } : {}),
      },
    };
  },

  getupdates: ({ bot }) => {
    if (bot.webhook) throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    return { result: [] };
  },

  setmycommands: ({ bot }, params) => {
    const commands = params.commands;
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest('too many commands specified');
    for (const entry of commands as unknown[]) {
      const { command, description } = (entry ?? {}) as { command?: unknown; description?: unknown };
      if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
      if (typeof description !== 'string' || description.length < 1 || description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    bot.commands.set(commandsKey(params), (commands as { command: string; description: string }[]).map(({ command, description }) => ({ command, description })));
    return { result: true };
  },

  getmycommands: ({ bot }, params) => ({ result: bot.commands.get(commandsKey(params)) ?? [] }),

  deletemycommands: ({ bot }, params) => {
    bot.commands.delete(commandsKey(params));
    return { result: true };
  },

  answercallbackquery: ({ bot }, params) => {
    const id = typeof params.callback_query_id === 'string' ? params.callback_query_id : '';
    if (!bot.openCallbackQueries.delete(id)) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    if (typeof params.text === 'string' && params.text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    return { result: true };
  },
};

export const supportedMethods = Object.keys(methods);

/** Runs a Bot API method (names are case-insensitive, as Telegram's are). */
export function callMethod(context: MethodContext, method: string, params: Params): MethodOutcome {
  const implementation = methods[method.toLowerCase()];
  if (!implementation) throw notFound();
  return implementation(context, params);
}

/** The update's type (its one field besides update_id) and whether the webhook's allowed_updates let it through. */
export function isAllowedUpdate(update: Record<string, unknown>, allowed: readonly string[] | undefined): { type: string; allowed: boolean } {
  const type = Object.keys(update).find((key) => key !== 'update_id') ?? '';
  const list = allowed && allowed.length > 0 ? allowed : defaultUpdateTypes;
  return { type, allowed: list.includes(type) && (list !== defaultUpdateTypes || !optInUpdateTypes.includes(type)) };
}

function targetChat({ bot, faults }: MethodContext, params: Params): Chat {
  const raw = params.chat_id;
  if (raw === undefined || raw === '') throw badRequest('chat_id is empty');
  let chat: Chat | undefined;
  if (typeof raw === 'string' && raw.startsWith('@')) {
    chat = [...bot.chats.values()].find((known) => known.username?.toLowerCase() === raw.slice(1).toLowerCase());
  } else if (/^-?\d+$/.test(String(raw))) {
    chat = chatFor(bot, Number(raw));
  }
  if (!chat) throw badRequest('chat not found');
  const fault = faults.take(String(chat.id));
  if (fault) throw fault;
  return chat;
}

function throttle({ limiter }: MethodContext, chat: Chat): void {
  const retryAfter = limiter.trySend(String(chat.id));
  if (retryAfter > 0) throw tooManyRequests(retryAfter);
}

function message({ bot, now }: MethodContext, chat: Chat): Record<string, unknown> {
  const messageId = bot.nextMessageId.get(chat.id) ?? 1;
  bot.nextMessageId.set(chat.id, messageId + 1);
  return { message_id: messageId, from: bot.user, chat, date: Math.floor(now() / 1000) };
}

// Only inline keyboards come back on the sent message; reply keyboards are the client's business.
function replyMarkupOf(params: Params): Record<string, unknown> {
  const markup = params.reply_markup as { inline_keyboard?: unknown } | undefined;
  return markup && typeof markup === 'object' && Array.isArray(markup.inline_keyboard) ? { reply_markup: { inline_keyboard: markup.inline_keyboard } } : {};
}

function commandsKey(params: Params): string {
  const scope = (params.scope ?? { type: 'default' }) as { type?: unknown; chat_id?: unknown; user_id?: unknown };
  const language = typeof params.language_code === 'string' ? params.language_code : '';
  return [String(scope.type ?? 'default'), String(scope.chat_id ?? ''), String(scope.user_id ?? ''), language].join('|');
}

// parse_mode HTML: Telegram answers with the text its entities were taken out of.
function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}
