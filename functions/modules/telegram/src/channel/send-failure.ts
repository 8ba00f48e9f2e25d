import type { GrammyError, HttpError } from 'grammy';

/** What a failed sendMessage means for the notification. */
export type SendFailure =
  /** 429: Telegram asks us to wait this long; nothing was sent. */
  | { readonly kind: 'retry-after'; readonly retryAfterMs: number; readonly reason: string }
  /** 403: the user blocked the bot (or deleted the account); the chat is gone for us. */
  | { readonly kind: 'blocked'; readonly reason: string }
  /** Telegram refused it for good (400 chat not found, a bad message): retrying cannot help. */
  | { readonly kind: 'refused'; readonly reason: string }
  /** Telegram answered with a server error, or we never reached it: nothing was sent, try again. */
  | { readonly kind: 'not-sent'; readonly reason: string }
  /** The request may have reached Telegram and no answer came back: sending again could double it. */
  | { readonly kind: 'in-doubt'; readonly reason: string };

// Connection errors that happen before a byte of the request leaves: the message cannot have arrived.
const notConnectedCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

// By name rather than instanceof: grammY is imported lazily (only a send needs it), and its
// errors name themselves.
const isGrammyError = (error: unknown): error is GrammyError => error instanceof Error && error.name === 'GrammyError' && 'error_code' in error;
const isHttpError = (error: unknown): error is HttpError => error instanceof Error && error.name === 'HttpError';

export function classifySendFailure(error: unknown): SendFailure {
  if (isGrammyError(error)) {
    const reason = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429) return { kind: 'retry-after', retryAfterMs: Math.max(1, error.parameters?.retry_after ?? 1) * 1000, reason };
    if (error.error_code === 403) return { kind: 'blocked', reason };
    if (error.error_code >= 500) return { kind: 'not-sent', reason };
    return { kind: 'refused', reason };
  }
  if (isHttpError(error)) {
    const code = errorCode(error.error);
    const reason = `${error.message}${code ? ` (${code})` : ''}`;
    return code && notConnectedCodes.has(code) ? { kind: 'not-sent', reason } : { kind: 'in-doubt', reason };
  }
  return { kind: 'in-doubt', reason: error instanceof Error ? error.message : String(error) };
}

/** Node's fetch wraps the socket error: `TypeError('fetch failed', { cause: { code } })`. */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
