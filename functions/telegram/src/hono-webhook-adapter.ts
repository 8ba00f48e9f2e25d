import type { Update } from 'grammy/types';
import type { Context } from 'hono';

const secretHeader = 'X-Telegram-Bot-Api-Secret-Token';

/** grammY's ReqResHandler (not exported from its entry point), as webhookCallback calls it. */
interface WebhookHandler {
  update: Update;
  header?: string;
  end: () => void;
  respond: (json: string) => void;
  unauthorized: () => void;
  handlerReturn: Promise<Response>;
}

/**
 * grammY's `'hono'` adapter for `webhookCallback`, with one fix: grammY hands `respond` the
 * webhook reply already serialised, and its built-in adapter (1.46) passes that string to
 * `c.json()`, which serialises it again, so Telegram would receive a JSON string instead of the
 * method call (the same bug grammY fixed for its serveHttp adapter in PR #357). It also takes
 * the update the webhook already parsed and checked, instead of reading the body a second time.
 */
export function honoWebhookAdapter(c: Context, update: Update): WebhookHandler {
  let resolveResponse: (response: Response) => void = () => undefined;
  const handlerReturn = new Promise<Response>((resolve) => (resolveResponse = resolve));
  return {
    update,
    header: c.req.header(secretHeader),
    end: () => resolveResponse(c.body(null, 200)),
    respond: (json: string) => resolveResponse(c.body(json, 200, { 'Content-Type': 'application/json' })),
    unauthorized: () => resolveResponse(c.body(null, 401)),
    handlerReturn,
  };
}
