/**
 * What runs in production and what each part needs from its environment, declared once here and
 * read by Pulumi (pulumi/), so the infrastructure follows the code instead of a copied list.
 * Values live in Pulumi config (settings) and Secret Manager (secrets); code reads them by env name.
 */

/** Every Secret Manager secret Plaza keeps. The value is added by an operator (docs/deploy.md). */
export const secretIds = ['csrf-secret', 'smtp-url', 'telegram-bot-token', 'telegram-webhook-secret', 'vapid-keys'] as const;
export type SecretId = (typeof secretIds)[number];

/** Plain (non-secret) settings, set per stack in Pulumi config and passed as env vars of the same name. */
export const settingNames = ['APP_URL', 'MAIL_FROM', 'FIREBASE_API_KEY', 'ACCESS_ALLOWLIST', 'TELEGRAM_BOT_USERNAME', 'TELEGRAM_API_ROOT'] as const;
export type SettingName = (typeof settingNames)[number];

export interface RuntimeNeeds {
  /** Settings the code reads, by env name. */
  readonly settings: readonly SettingName[];
  /** Env var name -> the secret whose latest version it holds. Only the accounts running this get access. */
  readonly secrets: Readonly<Partial<Record<string, SecretId>>>;
  /** Project roles beyond the baseline every service gets (Firestore user, publishing its events). */
  readonly projectRoles: readonly string[];
}

/**
 * A module as deployed: it runs inside the gateway by default, or in a Cloud Run service of its
 * own when the topology config splits it out; its needs travel with it either way.
 */
export interface ModuleDeployment extends RuntimeNeeds {
  readonly name: string;
}

export const moduleDeployments: readonly ModuleDeployment[] = [
  {
    name: 'identity',
    settings: ['APP_URL', 'FIREBASE_API_KEY'],
    secrets: {},
    // Custom claims (roles), suspensions, deletions and action links go through the Auth admin API.
    projectRoles: ['roles/firebaseauth.admin'],
  },
  { name: 'notifications', settings: [], secrets: {}, projectRoles: [] },
  { name: 'mailer', settings: ['APP_URL', 'MAIL_FROM'], secrets: { SMTP_URL: 'smtp-url' }, projectRoles: [] },
  // Weather from Open-Meteo: its env (OPEN_METEO_*, WEATHER_*) all has defaults, no key needed.
  { name: 'widgets', settings: [], secrets: {}, projectRoles: [] },
  // Account links (deep links name the bot) and the notification channel (sends as the bot).
  // TELEGRAM_API_ROOT is optional (default https://api.telegram.org), for a stand-in.
  { name: 'telegram', settings: ['TELEGRAM_BOT_USERNAME', 'TELEGRAM_API_ROOT'], secrets: { TELEGRAM_BOT_TOKEN: 'telegram-bot-token' }, projectRoles: [] },
];

/**
 * A deployable with its own build output. The gateway image also serves every split-out module
 * (the same code with another topology, docs/adr/0002), so split services are not listed here.
 */
export type Deployable =
  | ({
      readonly kind: 'cloud-run';
      readonly name: string;
      /** Who may call it: `public` (allUsers) or `private` (IAM invokers only). */
      readonly access: 'public' | 'private';
      /** The npm workspace whose `npm run build` produces the bundle the image copies. */
      readonly workspace: string;
      readonly dockerfile: string;
      /** Startup and liveness probe path. */
      readonly healthPath: string;
      /** Runs the modules the topology does not place elsewhere. */
      readonly hostsModules: true;
      // RuntimeNeeds here: what every service running this image needs, split ones included.
    } & RuntimeNeeds)
  | ({
      readonly kind: 'cloud-function';
      readonly name: string;
      readonly access: 'public' | 'private';
      readonly workspace: string;
      /** The directory (from the repository root) zipped as the function's source after the build. */
      readonly source: string;
      /** The exported handler name in the source's main file. */
      readonly entryPoint: string;
      /** The modules whose events it publishes (it runs none of their routes or consumers). */
      readonly publishesEventsOf: readonly string[];
    } & RuntimeNeeds);

export const deployables: readonly Deployable[] = [
  {
    kind: 'cloud-run',
    name: 'gateway',
    access: 'public',
    workspace: 'functions/gateway',
    dockerfile: 'functions/gateway/Dockerfile',
    healthPath: '/healthz',
    hostsModules: true,
    // libs/runtime's createService: CSRF_SECRET signs session-cookie CSRF tokens (required outside
    // demo- projects) and ACCESS_ALLOWLIST gates sign-in, in every service.
    settings: ['ACCESS_ALLOWLIST'],
    secrets: { CSRF_SECRET: 'csrf-secret' },
    projectRoles: [],
  },
  {
    // Telegram calls it with the webhook secret; it answers from Firestore and publishes anything
    // slower (docs/telegram.md, ADR 11). `npm run build` writes its dist/.
    kind: 'cloud-function',
    name: 'telegram-webhook',
    access: 'public',
    workspace: 'functions/telegram',
    source: 'functions/telegram/dist',
    entryPoint: 'telegramWebhook',
    publishesEventsOf: ['telegram'],
    settings: ['APP_URL', 'TELEGRAM_BOT_USERNAME', 'TELEGRAM_API_ROOT'],
    secrets: { TELEGRAM_BOT_TOKEN: 'telegram-bot-token', TELEGRAM_WEBHOOK_SECRET: 'telegram-webhook-secret' },
    projectRoles: [],
  },
];
