/**
 * Telegram's documented broadcast limits, optional: about one message a second to one chat and
 * about 30 a second across all chats of one bot. Telegram answers 429 with `retry_after` beyond
 * them; so does this, for the notification channel's tests. Sliding windows over the clock given.
 */
export interface SendLimitSettings {
  enabled: boolean;
  /** Messages allowed to one chat per `chatWindowMs`. */
  perChat: number;
  chatWindowMs: number;
  /** Messages allowed across the bot per `botWindowMs`. */
  perBot: number;
  botWindowMs: number;
}

export const telegramSendLimits: SendLimitSettings = { enabled: false, perChat: 1, chatWindowMs: 1000, perBot: 30, botWindowMs: 1000 };

export function createSendLimiter(now: () => number) {
  let settings: SendLimitSettings = { ...telegramSendLimits };
  let botSends: number[] = [];
  const chatSends = new Map<string, number[]>();

  // The wait, in ms, until one more send fits in a window already holding `sends`.
  const waitFor = (sends: number[], allowed: number, windowMs: number, at: number): number => {
    const recent = sends.filter((time) => at - time < windowMs);
    if (recent.length < allowed) return 0;
    return (recent[recent.length - allowed] ?? at) + windowMs - at;
  };

  return {
    settings: (): SendLimitSettings => ({ ...settings }),
    configure(next: Partial<SendLimitSettings>): void {
      settings = { ...settings, ...next };
      botSends = [];
      chatSends.clear();
    },
    /** Records a send and answers 0, or answers the seconds to wait (at least 1) and records nothing. */
    trySend(chatId: string): number {
      if (!settings.enabled) return 0;
      const at = now();
      const chat = chatSends.get(chatId) ?? [];
      const wait = Math.max(waitFor(chat, settings.perChat, settings.chatWindowMs, at), waitFor(botSends, settings.perBot, settings.botWindowMs, at));
      if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
      chatSends.set(chatId, [...chat.filter((time) => at - time < settings.chatWindowMs), at]);
      botSends = [...botSends.filter((time) => at - time < settings.botWindowMs), at];
      return 0;
    },
  };
}

export type SendLimiter = ReturnType<typeof createSendLimiter>;
