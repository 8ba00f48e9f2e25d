import { z } from 'zod';
import { problemCodes } from './problem-codes.ts';

export const ProblemFieldError = z
  .object({
    /** Where the bad value is, prefixed with its part of the request: `body.title`, `query.limit`. */
    path: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ProblemFieldError' });

export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** RFC 9457 problem details, with Plaza's stable `code` and the request id for support. */
export const ProblemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(problemCodes),
    errors: z.array(ProblemFieldError).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'ProblemDetails' });

export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const problemContentType = 'application/problem+json';
