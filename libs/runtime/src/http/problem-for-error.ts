import type { ProblemCode } from '@plaza/contracts';
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logging/logger.ts';
import type { AppEnv } from './app-env.ts';
import { ProblemError } from './problem-error.ts';
import { problemResponse } from './problem-response.ts';

// Statuses that Hono's own middleware and validators throw, and the codes they mean.
const codeByStatus: Partial<Record<number, ProblemCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
  504: 'timeout',
};

// Hono's validator says so only in its message; a test pins this, so a Hono change fails loudly.
const malformedJsonMessage = /^Malformed JSON/;

/**
 * Every error becomes a problem+json. Client errors keep their message; anything else is a
 * 500 `internal` whose details go to the log with the request id, never to the client.
 */
export function problemForError(fallbackLogger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const logger = c.get('logger') ?? fallbackLogger;
    if (error instanceof ProblemError) {
      if (error.status >= 500) logger.warn({ err: error }, error.message);
      return problemResponse(c, error.status as ContentfulStatusCode, error.code, error.detail, error.extra);
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      if (status < 500) {
        const code = malformedJsonMessage.test(error.message) ? 'malformed_json' : (codeByStatus[status] ?? 'validation_failed');
        return problemResponse(c, status, code, error.message);
      }
      const code = codeByStatus[status];
      if (code) {
        logger.warn({ err: error }, error.message);
        return problemResponse(c, status, code);
      }
    }
    logger.error({ err: error }, `Unhandled error: ${error.message}`);
    return problemResponse(c, 500, 'internal');
  };
}
