import { Writable } from 'node:stream';
import { z } from 'zod';
import { loadConfig } from '../../config/load-config.ts';
import { serviceConfigSchema } from '../../config/service-config.ts';
import { createLogger } from '../../logging/logger.ts';
import { createRouter } from '../create-router.ts';
import { createService, type ServiceOptions } from '../create-service.ts';
import { defineRoute } from '../define-route.ts';

const json = <Schema extends z.ZodType>(schema: Schema) => ({ content: { 'application/json': { schema } } });

const Thing = z.object({ title: z.string().min(1), count: z.number().int() });
const Whoami = z.object({ uid: z.string().nullable(), roles: z.array(z.string()) });

/** One route of each kind the stack treats differently. */
export function testRoutes() {
  return createRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/things',
        access: 'public',
        request: { body: { required: true, ...json(Thing) } },
        responses: { 201: { description: 'Created', ...json(Thing) } },
      }),
      (c) => c.json(c.req.valid('json'), 201),
    )
    .openapi(
      defineRoute({ method: 'get', path: '/whoami', access: 'public', responses: { 200: { description: 'Caller', ...json(Whoami) } } }),
      (c) => c.json({ uid: c.var.user?.uid ?? null, roles: [...(c.var.user?.roles ?? [])] }, 200),
    )
    .openapi(
      defineRoute({ method: 'get', path: '/me', access: 'user', responses: { 200: { description: 'Caller', ...json(Whoami) } } }),
      (c) => c.json({ uid: c.var.user.uid, roles: [...c.var.user.roles] }, 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/audit',
        access: { permission: 'audit:read' },
        responses: { 200: { description: 'Caller', ...json(Whoami) } },
      }),
      (c) => c.json({ uid: c.var.user.uid, roles: [...c.var.user.roles] }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/expensive',
        access: 'public',
        rateLimit: { limit: 2, windowMs: 60_000, key: 'user' },
        responses: { 204: { description: 'Done' } },
      }),
      (c) => c.body(null, 204),
    )
    .openapi(
      defineRoute({ method: 'get', path: '/slow', access: 'public', responses: { 204: { description: 'Done, late' } } }),
      async (c) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({ method: 'get', path: '/raw', access: 'public', responses: { 200: { description: 'A Response built by hand' } } }),
      () => new Response('raw', { headers: { 'content-type': 'text/plain' } }),
    )
    .openapi(
      defineRoute({ method: 'get', path: '/boom', access: 'public', responses: { 204: { description: 'Never' } } }),
      () => {
        throw new Error('secret database password is hunter2');
      },
    );
}

/** A service around testRoutes with its log lines captured as parsed JSON. */
export function testService(env: Record<string, string> = {}, options: Partial<ServiceOptions> = {}) {
  const logLines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const app = createService({
    name: 'kit-test',
    config: loadConfig(serviceConfigSchema, { GOOGLE_CLOUD_PROJECT: 'demo-plaza', ...env }),
    modules: [{ name: 'test', routes: testRoutes() }],
    logger: createLogger({ service: 'kit-test', destination }),
    ...options,
  });
  return { app, logLines };
}
