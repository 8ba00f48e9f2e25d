import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { proxy } from 'hono/proxy';
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { withPolicySources } from './content-security-policy.ts';
import type { HostingConfig } from './hosting-config.ts';

export interface FrontDoorOptions {
  hosting: HostingConfig;
  /** Where each Cloud Run `serviceId` named by a rewrite runs locally, as an origin. */
  services: Readonly<Record<string, string>>;
  /**
   * What Hosting serves at its reserved `/__/firebase/init.json`: the web app's Firebase config.
   * Locally it also says where the Auth emulator runs (`authEmulatorUrl`).
   */
  firebaseInit: Readonly<Record<string, string>>;
  /** Origins the page may connect to and frame locally besides firebase.json's (the Auth emulator). */
  localOrigins?: readonly string[];
}

/**
 * What Firebase Hosting does in front of Cloud Run, locally: a file of the public directory wins;
 * otherwise the first matching rewrite either forwards the request, path unchanged, to its
 * service or serves its destination file; otherwise 404. Headers rules apply to every answer.
 */
export function createFrontDoor({ hosting, services, firebaseInit, localOrigins = [] }: FrontDoorOptions): Hono {
  const app = new Hono();
  // serveStatic resolves its root against the working directory; a relative root keeps it
  // inside the public directory wherever `npm start` runs from.
  const root = relative(process.cwd(), hosting.publicDir) || '.';

  app.use(async (c, next) => {
    await next();
    for (const rule of hosting.headers) {
      if (rule.matches(c.req.path)) for (const { key, value } of rule.headers) c.res.headers.set(key, value);
    }
    const policy = c.res.headers.get('content-security-policy');
    if (policy && localOrigins.length > 0) {
      c.res.headers.set('content-security-policy', withPolicySources(policy, { 'connect-src': localOrigins, 'frame-src': localOrigins }));
    }
  });
  app.get('/__/firebase/init.json', (c) => c.json(firebaseInit));
  if (hosting.trailingSlash) {
    // Hosting's `trailingSlash: true`: a page's path without its slash redirects to it.
    app.get('*', async (c, next) => {
      const path = c.req.path;
      if (path.endsWith('/') || /\.[^/]*$/.test(path) || hosting.rewrites.some((rewrite) => rewrite.matches(path))) return next();
      if (!(await isFile(join(hosting.publicDir, path, 'index.html')))) return next();
      return c.redirect(`${path}/${new URL(c.req.url).search}`, 301);
    });
  }
  app.use(serveStatic({ root }));
  app.all('*', async (c, next) => {
    const rewrite = hosting.rewrites.find((candidate) => candidate.matches(c.req.path));
    if (!rewrite) return next();
    if ('destination' in rewrite) return serveStatic({ root, path: rewrite.destination })(c, next);
    return forwardToService(c, rewrite.run.serviceId, services);
  });
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

async function forwardToService(c: Context, serviceId: string, services: FrontDoorOptions['services']): Promise<Response> {
  const origin = services[serviceId];
  if (!origin) return c.text(`firebase.json rewrites to the Cloud Run service "${serviceId}", which is not running locally`, 502);
  const incoming = new URL(c.req.url);
  const response = await proxy(new URL(`${incoming.pathname}${incoming.search}`, origin), {
    raw: c.req.raw,
    headers: { ...c.req.header(), cookie: hostingForwardedCookie(c.req.header('cookie')), 'x-forwarded-host': c.req.header('host'), host: undefined },
  });
  if (!response.body) return response;
  return new Response(endingQuietlyOnDisconnect(response.body, c.req.raw.signal), response);
}

/**
 * The browser leaving aborts the forwarded request, and with it the body still being read (an
 * event stream, say). That is the normal end of a stream, not an error to log: the body ends.
 */
function endingQuietlyOnDisconnect(body: ReadableStream<Uint8Array>, disconnected: AbortSignal): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        if (disconnected.aborted) controller.close();
        else controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * Firebase Hosting strips every cookie but `__session` from requests it rewrites to Cloud Run, so
 * the local front door does too: a feature that relied on another cookie would work here only.
 */
export function hostingForwardedCookie(header: string | undefined): string | undefined {
  const session = header
    ?.split(';')
    .map((pair) => pair.trim())
    .find((pair) => pair.startsWith('__session='));
  return session;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
