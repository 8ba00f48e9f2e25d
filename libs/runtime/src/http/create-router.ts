import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { ProblemError } from './problem-error.ts';
import { fieldErrorsOf } from './validation-problem.ts';

const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return undefined;
  const errors = fieldErrorsOf(result.target, result.error);
  throw new ProblemError(400, 'validation_failed', `${errors.length} invalid ${errors.length === 1 ? 'field' : 'fields'}`, {
    errors,
  });
};

/**
 * A module's routes. Every request part a route declares is validated with zod, and a failure
 * becomes a 400 problem naming each bad field, rendered by the service's error handler.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
