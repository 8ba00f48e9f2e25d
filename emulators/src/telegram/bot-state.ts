/** What the stand-in keeps for one bot: its identity, webhook, commands, chats it has seen. */
export interface BotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
}

export interface Webhook {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  first_name?: string;
  last_name?: string;
  username?: string;
  title?: string;
}

export interface BotState {
  token: string;
  user: BotUser;
  webhook?: Webhook;
  /** setMyCommands by `scope type|chat_id|user_id` and language. */
  commands: Map<string, { command: string; description: string }[]>;
  chats: Map<number, Chat>;
  /** Callback queries delivered and not yet answered. */
  openCallbackQueries: Set<string>;
  nextMessageId: Map<number, number>;
  nextUpdateId: number;
}

export function createBotState(token: string, names: { first_name: string; username: string }): BotState {
  return {
    token,
    user: {
      id: Number(token.split(':')[0]),
      is_bot: true,
      first_name: names.first_name,
      username: names.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    },
    commands: new Map(),
    chats: new Map(),
    openCallbackQueries: new Set(),
    nextMessageId: new Map(),
    nextUpdateId: 100_000_001,
  };
}

/** The chat a message goes to: one seen in an update, or the plainest chat that id can be. */
export function chatFor(bot: BotState, id: number): Chat {
  const known = bot.chats.get(id);
  if (known) return known;
  if (id > 0) return { id, type: 'private', first_name: `User ${id}` };
  if (String(id).startsWith('-100')) return { id, type: 'supergroup', title: `Supergroup ${id}` };
  return { id, type: 'group', title: `Group ${id}` };
}

/** Remembers the chats, users and callback queries an update shows the bot, as Telegram's servers know them. */
export function learnFromUpdate(bot: BotState, update: Record<string, unknown>): void {
  const visit = (value: unknown, key: string | undefined): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => visit(item, undefined));
    const record = value as Record<string, unknown>;
    if (key === 'chat' && typeof record.id === 'number' && typeof record.type === 'string') bot.chats.set(record.id, record as unknown as Chat);
    if (key === 'callback_query' && typeof record.id === 'string') bot.openCallbackQueries.add(record.id);
    for (const [child, nested] of Object.entries(record)) visit(nested, child);
  };
  visit(update, undefined);
}
