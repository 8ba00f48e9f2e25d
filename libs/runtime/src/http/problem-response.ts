import { problemContentType, type ProblemCode, type ProblemDetails } from '@plaza/contracts';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProblemExtra } from './problem-error.ts';

const titles: Record<ProblemCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  unauthenticated: 'Authentication is required',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  timeout: 'The request took too long',
  conflict: 'Conflict',
  username_taken: 'The username is taken',
  reauthentication_required: 'Sign in again to do this',
  upstream_failed: 'An outside service failed',
  upstream_timeout: 'An outside service did not answer in time',
  session_revoked: 'The session was revoked',
  account_disabled: 'The account is disabled',
  csrf_failed: 'The CSRF token is missing or wrong',
  access_denied: 'This deployment does not admit you',
  unavailable: 'Temporarily unavailable',
  internal: 'Something went wrong on our side',
};

/** An RFC 9457 problem+json response; `type` is a URN because the codes are names, not pages. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ProblemCode,
  detail?: string,
  extra: ProblemExtra = {},
): Response {
  const requestId: unknown = c.get('requestId');
  const body: ProblemDetails = {
    type: `urn:plaza:problem:${code}`,
    title: titles[code],
    status,
    ...(detail ? { detail } : {}),
    instance: c.req.path,
    code,
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
  return c.body(JSON.stringify(body), status, { ...extra.headers, 'Content-Type': problemContentType });
}
