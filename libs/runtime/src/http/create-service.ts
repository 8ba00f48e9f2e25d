import { OpenAPIHono } from '@hono/zod-openapi';
import { timeout } from 'hono/timeout';
import { getPath } from 'hono/utils/url';
import { authenticate } from '../auth/authenticate.ts';
import { createSessionPolicy } from '../auth/session-policy.ts';
import type { ServiceConfig } from '../config/service-config.ts';
import { eventRoutes, pushAuthOptionsFrom, type Consumer } from '../events/index.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { mountApiDocumentation } from './api-documentation.ts';
import type { AppEnv } from './app-env.ts';
import { requestBodyLimit } from './body-limit.ts';
import { crossOrigin } from './cross-origin.ts';
import { csrfSecretFor } from './csrf.ts';
import { notFoundOrMethodNotAllowed } from './not-found.ts';
import type { PlazaModule } from './plaza-module.ts';
import { ProblemError } from './problem-error.ts';
import { problemForError } from './problem-for-error.ts';
import { rateLimit } from './rate-limit.ts';
import { requestContext } from './request-context.ts';

export interface ServiceOptions {
  name: string;
  /** Shown in the OpenAPI document. */
  version?: string;
  config: ServiceConfig;
  modules: readonly PlazaModule[];
  /** Consumers beyond the modules' own (a consumer-only function has no module routes). */
  consumers?: readonly Consumer[];
  /** Serve `POST /_internal/outbox/sweep` for Cloud Scheduler even without consumers. */
  outboxSweep?: boolean;
  /**
   * Prefixes the service is also reachable under, stripped before routing: Firebase Hosting
   * forwards `/api/v1/me` unchanged, and the service answers it as `/v1/me`.
   */
  basePaths?: readonly string[];
  /** Defaults to JSON lines on stdout at LOG_LEVEL. */
  logger?: Logger;
}

const minute = 60_000;

/**
 * A Plaza service: the middleware every request gets, each module's routes under /v1, the
 * private push and sweep endpoints, the OpenAPI document, and problem+json for every failure.
 */
export function createService(options: ServiceOptions): OpenAPIHono<AppEnv> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ service: options.name, level: config.LOG_LEVEL });
  const app = new OpenAPIHono<AppEnv>({ getPath: pathWithout(options.basePaths ?? []) });
  // Resolved before any request: a production service without CSRF_SECRET fails to start.
  const sessionPolicy = createSessionPolicy({
    maxAgeSeconds: config.SESSION_MAX_AGE_SECONDS,
    csrfSecret: csrfSecretFor(config),
    accessAllowlist: config.ACCESS_ALLOWLIST,
  });

  // For every request, private endpoints included. Few layers on purpose: each costs an async
  // call and a promise per request, and the ones after requestContext hand over without waiting.
  app.use(
    requestContext({ logger, projectId: config.GOOGLE_CLOUD_PROJECT, trustedProxyHops: config.TRUSTED_PROXY_HOPS }),
    requestBodyLimit(config.BODY_LIMIT_BYTES),
  );
  // For the public API only: pushes carry Google's OIDC tokens, not Firebase ones, come in
  // bursts from Google's addresses, and may take longer than a person should wait.
  app.use(
    '/v1/*',
    crossOrigin(config.CORS_ORIGINS),
    rateLimit({ limit: config.RATE_LIMIT_PER_MINUTE, windowMs: minute, key: 'ip' }),
    timeout(config.REQUEST_TIMEOUT_MS, () => new ProblemError(504, 'timeout', `No answer within ${config.REQUEST_TIMEOUT_MS} ms.`)),
    // Also the access allowlist, and the CSRF check of unsafe requests signed in by the cookie.
    authenticate(sessionPolicy),
    rateLimit({ limit: config.RATE_LIMIT_PER_MINUTE, windowMs: minute, key: 'user' }),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok', service: options.name }));
  for (const module of options.modules) {
    if (module.routes) app.route('/v1', module.routes);
  }
  const consumers = [...options.modules.flatMap((module) => module.consumers ?? []), ...(options.consumers ?? [])];
  if (consumers.length > 0 || options.outboxSweep) {
    app.route('/', eventRoutes({ consumers, pushAuth: pushAuthOptionsFrom(config) }));
  }
  mountApiDocumentation(app, { title: `Plaza ${options.name} API`, version: options.version ?? '0.1.0' });

  app.notFound(notFoundOrMethodNotAllowed(app));
  app.onError(problemForError(logger));
  return app;
}

function pathWithout(prefixes: readonly string[]): (request: Request) => string {
  return (request) => {
    const path = getPath(request);
    for (const prefix of prefixes) {
      if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/')) {
        return path.slice(prefix.length) || '/';
      }
    }
    return path;
  };
}
