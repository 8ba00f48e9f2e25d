export { problemCodes, type ProblemCode } from './problem-codes.ts';
export { ProblemDetails, ProblemFieldError, problemContentType } from './problem-details.ts';
