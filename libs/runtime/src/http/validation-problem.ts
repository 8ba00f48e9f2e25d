import type { ProblemFieldError } from '@plaza/contracts';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';

// Field paths name the part of the request a client sees, not Hono's validator targets.
const requestPartByTarget: Record<keyof ValidationTargets, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'headers',
  cookie: 'cookies',
};

/** One entry per zod issue, e.g. `{ path: 'body.title', message: 'Too small: ...' }`. */
export function fieldErrorsOf(target: keyof ValidationTargets, error: z.ZodError): ProblemFieldError[] {
  const part = requestPartByTarget[target];
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
