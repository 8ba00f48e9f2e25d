import type { ProblemCode, ProblemFieldError } from '@plaza/contracts';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ProblemExtra {
  errors?: ProblemFieldError[];
  /** Response headers that belong to the problem, such as Retry-After or Allow. */
  headers?: Record<string, string>;
}

/**
 * Throw anywhere to answer with a problem+json. It is an HTTPException, so Hono's own
 * middleware (timeout, body-limit) can throw it too, and the service's error handler
 * renders it with the request id.
 */
export class ProblemError extends HTTPException {
  override name = 'ProblemError';

  constructor(
    status: ContentfulStatusCode,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(status, { message: detail ?? code });
  }
}
