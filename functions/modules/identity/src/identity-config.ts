import { loadConfig } from '@plaza/runtime';
import { z } from 'zod';

const schema = z
  .object({
    /** The dashboard's origin; mailed action links point at its `/auth/action` page. */
    APP_URL: z
      .url({ protocol: /^https?$/ })
      .default('http://127.0.0.1:5000')
      .transform((url) => url.replace(/\/+$/, '')),
    /** The project's Web API key, for the Identity Toolkit REST calls firebase-admin cannot make. */
    FIREBASE_API_KEY: z.string().trim().min(1).optional(),
    FIREBASE_AUTH_EMULATOR_HOST: z.string().trim().min(1).optional(),
  })
  .superRefine((env, context) => {
    // The emulator takes any key; Google needs the real one, and failing at the first account
    // request would be far from the cause.
    if (!env.FIREBASE_API_KEY && !env.FIREBASE_AUTH_EMULATOR_HOST) {
      context.addIssue({
        code: 'custom',
        path: ['FIREBASE_API_KEY'],
        message:
          "is required outside the Auth emulator: the Firebase project's Web API key (Project settings > General), " +
          'used to apply action codes and check passwords through the Identity Toolkit API',
      });
    }
  })
  .transform((env) => ({
    appUrl: env.APP_URL,
    apiKey: env.FIREBASE_API_KEY ?? 'emulator',
    identityToolkitUrl: env.FIREBASE_AUTH_EMULATOR_HOST
      ? `http://${env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1`
      : 'https://identitytoolkit.googleapis.com/v1',
  }));

export type IdentityConfig = z.output<typeof schema>;

/** Parses the identity module's variables; a ConfigError lists every bad one. */
export function loadIdentityConfig(env: Record<string, string | undefined> = process.env): IdentityConfig {
  return loadConfig(schema, env);
}

let loaded: IdentityConfig | undefined;

/**
 * The module's config, read from the environment once, on first use: the module is imported by
 * every service that mounts it, and only the account routes need these variables.
 */
export function identityConfig(): IdentityConfig {
  loaded ??= loadIdentityConfig();
  return loaded;
}
