import { blockedByUser, tooManyRequests, type BotApiError } from './bot-api-error.ts';

/** `blocked`: 403 "Forbidden: bot was blocked by the user"; `too_many_requests`: 429 with retry_after. */
export type ChatFaultKind = 'blocked' | 'too_many_requests';

export interface ChatFault {
  chatId: string;
  kind: ChatFaultKind;
  retryAfter: number;
  /** Calls it still fails; undefined means until cleared (a block lasts until the user unblocks). */
  remaining?: number;
}

export function createChatFaults() {
  let faults: ChatFault[] = [];
  return {
    arm(fault: ChatFault): void {
      faults = [...faults.filter((existing) => existing.chatId !== fault.chatId), { ...fault }];
    },
    list: (): ChatFault[] => faults.map((fault) => ({ ...fault })),
    clear(chatId?: string): void {
      faults = chatId === undefined ? [] : faults.filter((fault) => fault.chatId !== chatId);
    },
    /** The error a call to that chat gets now, counted down; undefined when it goes through. */
    take(chatId: string): BotApiError | undefined {
      const fault = faults.find((candidate) => candidate.chatId === chatId);
      if (!fault) return undefined;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
      }
      return fault.kind === 'blocked' ? blockedByUser() : tooManyRequests(fault.retryAfter);
    },
  };
}

export type ChatFaults = ReturnType<typeof createChatFaults>;
