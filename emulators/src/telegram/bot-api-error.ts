/**
 * An answer the Bot API gives as `{ ok: false, error_code, description, parameters? }`, with the
 * HTTP status equal to error_code, exactly as api.telegram.org does.
 */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }

  toJSON(): Record<string, unknown> {
    return { ok: false, error_code: this.errorCode, description: this.description, ...(this.parameters ? { parameters: this.parameters } : {}) };
  }
}

export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);
export const notFound = () => new BotApiError(404, 'Not Found');
export const unauthorized = () => new BotApiError(401, 'Unauthorized');
export const blockedByUser = () => new BotApiError(403, 'Forbidden: bot was blocked by the user');
export const tooManyRequests = (retryAfter: number) =>
  new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
