import type { components } from './schema.d.ts';

export type ProblemDetails = components['schemas']['ProblemDetails'];
export type ProblemCode = ProblemDetails['code'] | 'unreachable';
export type ProblemFieldError = components['schemas']['ProblemFieldError'];

/**
 * An answer that was not a success, as the API's RFC 9457 problem details. A network failure is
 * one too (`code: 'unreachable'`, status 0), so a page has one kind of error to show.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly ProblemFieldError[];
  readonly requestId: string | undefined;

  constructor(problem: { status: number; code: ProblemCode; title: string; detail?: string; errors?: readonly ProblemFieldError[]; requestId?: string }) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }

  /** What the API said of one field (`body.username`, `query.cursor`, …), for the form that sent it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }

  /** From a failed response's body: problem details when the API sent them, else a plain description of the status. */
  static fromResponse(response: Response, body: unknown): ApiProblem {
    if (isProblemDetails(body)) return new ApiProblem(body);
    return new ApiProblem({ status: response.status, code: 'internal', title: `The API answered ${response.status} ${response.statusText}`.trim() });
  }

  static unreachable(cause: unknown): ApiProblem {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ApiProblem({ status: 0, code: 'unreachable', title: 'Plaza could not be reached', detail: `Check your connection and try again (${reason}).` });
  }
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as ProblemDetails).code === 'string' && typeof (body as ProblemDetails).title === 'string';
}
