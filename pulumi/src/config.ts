import { moduleDeployments, type settingNames } from '@plaza/contracts';
import { z } from 'zod';

const moduleNames = moduleDeployments.map(({ name }) => name);

/** Instances, CPU and memory of one Cloud Run service. */
export const serviceSizeSchema = z
  .object({
    minInstances: z.number().int().min(0).default(0),
    maxInstances: z.number().int().min(1).max(1000).default(10),
    cpu: z.enum(['1', '2', '4', '8']).default('1'),
    memory: z.string().regex(/^\d+(Mi|Gi)$/, 'memory is a size such as 512Mi or 1Gi').default('512Mi'),
  })
  .strict()
  .refine((size) => size.minInstances <= size.maxInstances, { message: 'minInstances must not exceed maxInstances' });

export type ServiceSize = z.output<typeof serviceSizeSchema>;

const imageByDigest = z
  .string()
  .regex(/^[a-z0-9.-]+(:\d+)?\/[^\s@:]+@sha256:[0-9a-f]{64}$/, 'an image by digest: <registry>/<path>@sha256:<64 hex digits>, never a tag');

const identityProvider = z.object({ clientId: z.string().min(1) }).strict();

/**
 * The settings every module reads as env vars of the same name (libs/contracts deployables):
 * one key per `settingNames` entry, checked by a test.
 */
export const settingsSchema = z
  .object({
    APP_URL: z.url({ protocol: /^https$/ }),
    MAIL_FROM: z.string().min(3),
    FIREBASE_API_KEY: z.string().min(1),
    ACCESS_ALLOWLIST: z.string().default(''),
    /** The Telegram bot's username without @ (deep links); empty: linking answers 503 until it is set. */
    TELEGRAM_BOT_USERNAME: z.string().default(''),
    /** Empty: Telegram's own https://api.telegram.org. */
    TELEGRAM_API_ROOT: z.string().default(''),
  })
  .strict() satisfies z.ZodType<Record<(typeof settingNames)[number], string>, unknown>;

/**
 * A stack's configuration: `gcp:project`, `gcp:region` and the `plaza:` keys of Pulumi.<stack>.yaml
 * (plus `--config` on the command line). Unknown keys are refused so a typo is not silently ignored.
 */
export const stackConfigSchema = z
  .object({
    project: z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a Google Cloud project id'),
    region: z.string().regex(/^[a-z]+-[a-z]+\d+$/, 'a Google Cloud region such as europe-west1'),
    /** Firestore location; defaults to the region. */
    firestoreLocation: z.string().min(1).optional(),
    /** The gateway image, by digest; release.yml passes the one it just pushed. */
    gatewayImage: imageByDigest.optional(),
    /**
     * The first `pulumi up`, before any image exists: everything but the services and what points
     * at them. Must be said explicitly, so a forgotten image never deletes running services.
     */
    foundationOnly: z.boolean().default(false),
    gateway: serviceSizeSchema.default(serviceSizeSchema.parse({})),
    /** Modules moved into a Cloud Run service of their own (docs/adr/0002), each with its size. */
    splitModules: z
      .record(z.string(), serviceSizeSchema)
      .default({})
      .superRefine((split, ctx) => {
        for (const name of Object.keys(split)) {
          if (!moduleNames.includes(name)) {
            ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a module; the modules are ${moduleNames.join(', ')}` });
          }
        }
      }),
    settings: settingsSchema,
    /** Cloud Scheduler cron for the outbox sweep. */
    outboxSweepSchedule: z.string().min(9).default('* * * * *'),
    alerts: z
      .object({
        email: z.email(),
        /** 5xx responses per second, averaged over 5 minutes, above which someone is told. */
        gateway5xxPerSecond: z.number().positive().default(0.1),
      })
      .strict(),
    auth: z
      .object({
        /** Domains allowed to start sign-in besides the Firebase Hosting ones. */
        authorizedDomains: z.array(z.string().min(1)).default([]),
        google: identityProvider.optional(),
        github: identityProvider.optional(),
      })
      .strict()
      .default({ authorizedDomains: [] }),
    /** The client secrets, as Pulumi secrets (`pulumi config set --secret`); required with their clientId. */
    googleClientSecret: z.string().min(1).optional(),
    githubClientSecret: z.string().min(1).optional(),
    /** The Firebase Hosting site; defaults to the project's default site (the project id). */
    hostingSiteId: z.string().min(1).optional(),
    /** The GitHub repository (owner/name) whose workflows may deploy through Workload Identity Federation. */
    githubRepository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name of the GitHub repository'),
    /** Keep on for prod: Cloud Run services and Firestore refuse deletion. */
    deletionProtection: z.boolean().default(true),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (!config.gatewayImage && !config.foundationOnly) {
      ctx.addIssue({
        code: 'custom',
        path: ['gatewayImage'],
        message: 'required: the gateway image by digest (release.yml passes it); for the very first run set plaza:foundationOnly true',
      });
    }
    for (const provider of ['google', 'github'] as const) {
      if (config.auth[provider] && !config[`${provider}ClientSecret`]) {
        ctx.addIssue({
          code: 'custom',
          path: [`${provider}ClientSecret`],
          message: `required with auth.${provider}.clientId: pulumi config set --secret plaza:${provider}ClientSecret <secret>`,
        });
      }
    }
  });

export type StackConfig = z.output<typeof stackConfigSchema>;

export class StackConfigError extends Error {
  override readonly name = 'StackConfigError';
}

/**
 * Parses Pulumi's flat config (`pulumi.runtime.allConfig()`: `namespace:key` -> string, objects as
 * JSON) into a validated StackConfig, or throws one error that lists every problem by its key.
 */
export function parseStackConfig(flat: Readonly<Record<string, string>>, stack = 'this stack'): StackConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key === 'gcp:project') raw.project = value;
    else if (key === 'gcp:region') raw.region = value;
    else if (key.startsWith('plaza:')) raw[key.slice('plaza:'.length)] = parseValue(value);
  }
  const parsed = stackConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${configKey(issue.path)}: ${issue.message}`);
  throw new StackConfigError(`Invalid Pulumi config for ${stack}:\n${lines.join('\n')}`);
}

/** Pulumi stores structured values as JSON strings and plain values as they are. */
function parseValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function configKey(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === 'project' || head === 'region') return `gcp:${head}`;
  if (head === undefined) return 'plaza';
  return `plaza:${[head, ...rest].join('.')}`;
}
