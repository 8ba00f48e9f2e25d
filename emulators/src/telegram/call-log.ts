/** One Bot API call as the stand-in saw and answered it. */
export interface RecordedCall {
  id: number;
  token: string;
  method: string;
  params: Record<string, unknown>;
  at: string;
  /** `webhook-reply` when the bot answered an update with a method in its webhook response. */
  via: 'http' | 'webhook-reply';
  ok: boolean;
  status: number;
  error_code?: number;
  description?: string;
  result?: unknown;
}

export interface CallFilter {
  token?: string;
  method?: string;
  chatId?: string;
}

const maxCalls = 20_000;

export function createCallLog() {
  let calls: RecordedCall[] = [];
  let nextId = 1;
  return {
    record(call: Omit<RecordedCall, 'id'>): void {
      calls.push({ id: nextId++, ...call });
      if (calls.length > maxCalls) calls = calls.slice(-maxCalls);
    },
    /** Oldest first. Method names compare case-insensitively, chat ids as strings. */
    list(filter: CallFilter = {}): RecordedCall[] {
      return calls.filter(
        (call) =>
          (filter.token === undefined || call.token === filter.token) &&
          (filter.method === undefined || call.method.toLowerCase() === filter.method.toLowerCase()) &&
          (filter.chatId === undefined || String(call.params.chat_id) === filter.chatId),
      );
    },
    clear(token?: string): void {
      calls = token === undefined ? [] : calls.filter((call) => call.token !== token);
    },
  };
}

export type CallLog = ReturnType<typeof createCallLog>;
