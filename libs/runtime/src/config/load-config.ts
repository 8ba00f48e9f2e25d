import type { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(readonly problems: readonly { variable: string; problem: string }[]) {
    super(
      `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map(({ variable, problem }) => `  - ${variable}: ${problem}`).join('\n'),
    );
  }
}

/**
 * Parses the environment once at start-up, so a misconfigured service fails before it takes
 * traffic, with every bad variable listed in one message instead of one per restart.
 */
export function loadConfig<Schema extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      problem: issue.message,
    })),
  );
}
