import { z } from 'zod';
import { localProjectId } from './project-id.ts';

const origin = z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).origin === value, {
  message: 'must be a bare origin like https://plaza.example (scheme, host, optional port; no path or trailing slash)',
});

const commaSeparatedOrigins = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
  .pipe(z.array(origin));

// An address (`ada@plaza.example`) or a whole domain (`@plaza.example`), in any case.
const allowlistEntry = z
  .string()
  .transform((entry) => entry.toLowerCase())
  .pipe(
    z.union([z.email(), z.string().regex(/^@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/)], {
      error: 'must be an email address or @domain.tld',
    }),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * What every Plaza service reads from its environment. Services extend it
 * (`serviceConfigSchema.extend({...})`) and parse the result once with `loadConfig`.
 */
export const serviceConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  GOOGLE_CLOUD_PROJECT: z.string().min(1).default(localProjectId),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Browser origins allowed to call the API cross-origin. Empty: same-origin only (Hosting rewrites). */
  CORS_ORIGINS: commaSeparatedOrigins,
  /**
   * How many proxies in front of us append to X-Forwarded-For (1 on Cloud Run, whose front end
   * appends the client address). 0 trusts no header and uses the socket address.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  REQUEST_TIMEOUT_MS: positiveInt(10_000),
  /** Requests per minute per client address, and again per signed-in user. */
  RATE_LIMIT_PER_MINUTE: positiveInt(600),
  /** `none` only where nothing but the local emulator can reach the push endpoints. */
  PUSH_AUTH: z.enum(['oidc', 'none']).default('oidc'),
  PUSH_AUDIENCE: z.string().min(1).optional(),
  PUSH_SERVICE_ACCOUNT: z.email().optional(),
  PUSH_OIDC_ISSUER: z.url().default('https://accounts.google.com'),
  PUSH_OIDC_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
  /**
   * Signs the CSRF tokens of session cookies (`libs/runtime/src/http/csrf.ts`); every instance
   * must share it. Required unless the project is a `demo-` one (createService refuses to start).
   */
  CSRF_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of a new session cookie: 5 minutes to 14 days (Firebase's bounds); 5 days by default. */
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).max(14 * 86_400).default(5 * 86_400),
  /**
   * A private deployment: only these verified addresses and `@domain`s get in (comma-separated).
   * Empty, the default: everyone may sign in.
   */
  ACCESS_ALLOWLIST: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(allowlistEntry)),
  /** 0 leaves sweeping to Cloud Scheduler calling the sweep endpoint. */
  OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(0),
});

export type ServiceConfig = z.output<typeof serviceConfigSchema>;
