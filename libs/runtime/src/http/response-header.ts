import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

type PreparedHeader = [name: string, value: string, append: boolean];

// Headers given to Hono for a request without a socket, kept for finishResponseHeaders.
const preparedHeaders = new WeakMap<Context, PreparedHeader[]>();

/**
 * Sets a header on the answer to come, before the handler has answered. On @hono/node-server it
 * goes straight onto Node's ServerResponse: Node merges it into whatever response the handler
 * returns (a header the handler sets itself wins), and the handler's response keeps its plain
 * header object, which node-server writes out without building a fetch `Headers` for it; set
 * through Hono instead, those Headers cost more than any one middleware. Without a socket
 * (app.request in tests, other adapters) it is Hono's `c.header`.
 */
export function setResponseHeader(c: Context, name: string, value: string, options?: { append: boolean }): void {
  const outgoing = outgoingOf(c);
  if (outgoing) {
    if (options?.append) outgoing.appendHeader(name, value);
    else outgoing.setHeader(name, value);
    return;
  }
  c.header(name, value, options);
  let prepared = preparedHeaders.get(c);
  if (!prepared) preparedHeaders.set(c, (prepared = []));
  prepared.push([name, value, options?.append ?? false]);
}

/**
 * Call once the handler has answered. Hono drops the headers prepared with `c.header` when a
 * handler returns a Response it built itself (a proxied answer, the reference page); this adds
 * them to such a response. Node's response needs nothing: it merges them when it writes.
 */
export function finishResponseHeaders(c: Context): void {
  const prepared = preparedHeaders.get(c);
  const [first] = prepared ?? [];
  if (!prepared || !first) return;
  const headers = c.res.headers;
  if (headers.get(first[0]) === first[1]) return;
  for (const [name, value, append] of prepared) {
    if (append) headers.append(name, value);
    else headers.set(name, value);
  }
}

function outgoingOf(c: Context): HttpBindings['outgoing'] | undefined {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  return outgoing && !outgoing.headersSent ? outgoing : undefined;
}
