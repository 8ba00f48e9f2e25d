import type { Hono, NotFoundHandler } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { AppEnv } from './app-env.ts';
import { problemResponse } from './problem-response.ts';

/**
 * The answer when no route matched: 405 with `Allow` for a known path asked with the wrong
 * method, else a 404 problem. hono/method-not-allowed is run here rather than as middleware:
 * only requests that matched no route can be a 405, so the others skip a layer that would
 * wait for every handler to look at its status.
 */
export function notFoundOrMethodNotAllowed(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  const check = methodNotAllowed<AppEnv>({
    app,
    onMethodNotAllowed: (c, methods) =>
      problemResponse(c, 405, 'method_not_allowed', `Allowed: ${methods.join(', ')}.`, { headers: { Allow: methods.join(', ') } }),
  });
  return async (c) => {
    await check(c, async () => {
      c.res = problemResponse(c, 404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}.`);
    });
    return c.res;
  };
}
