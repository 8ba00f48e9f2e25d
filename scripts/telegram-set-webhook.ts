import { handledUpdateTypes, menuCommands, telegramWebhookConfigSchema } from '@plaza/telegram-webhook';
import { Api } from 'grammy';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** What the release workflow passes (release.yml, "Point Telegram at the webhook"). */
export const setWebhookEnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: telegramWebhookConfigSchema.shape.TELEGRAM_BOT_TOKEN,
  TELEGRAM_WEBHOOK_SECRET: telegramWebhookConfigSchema.shape.TELEGRAM_WEBHOOK_SECRET,
  /** The deployed function's URL (Pulumi's `telegramWebhookUrl` output); Telegram requires HTTPS. */
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https?$/ }),
  TELEGRAM_API_ROOT: telegramWebhookConfigSchema.shape.TELEGRAM_API_ROOT,
});

export type SetWebhookEnv = z.output<typeof setWebhookEnvSchema>;

export interface SetWebhookResult {
  url: string;
  allowedUpdates: string[];
  commands: string[];
}

/**
 * Points Telegram at the webhook and registers the command menu, both idempotent, so every
 * release runs it: setWebhook with the URL, the secret Telegram will send in
 * X-Telegram-Bot-Api-Secret-Token, and allowed_updates limited to what the bot handles (Telegram
 * then never sends the rest); pending updates are kept (drop_pending_updates: false), so messages
 * sent during a deploy are still answered. Then setMyCommands from the bot's command registry.
 */
export async function setTelegramWebhook(env: SetWebhookEnv): Promise<SetWebhookResult> {
  const api = new Api(env.TELEGRAM_BOT_TOKEN, { apiRoot: env.TELEGRAM_API_ROOT });
  const allowedUpdates = [...handledUpdateTypes];
  await api.setWebhook(env.TELEGRAM_WEBHOOK_URL, {
    secret_token: env.TELEGRAM_WEBHOOK_SECRET,
    allowed_updates: allowedUpdates,
    drop_pending_updates: false,
  });
  const commands = menuCommands();
  await api.setMyCommands(commands);
  return { url: env.TELEGRAM_WEBHOOK_URL, allowedUpdates, commands: commands.map(({ command }) => `/${command}`) };
}

// `node --import tsx scripts/telegram-set-webhook.ts`, with the variables above in the environment.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parsed = setWebhookEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    // Names only: the values are secrets.
    console.error(`telegram-set-webhook: bad or missing ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
    process.exit(2);
  }
  const result = await setTelegramWebhook(parsed.data).catch((error: Error) => {
    console.error(`telegram-set-webhook: ${error.message}`);
    process.exit(1);
  });
  console.log(`Telegram webhook set to ${result.url} (updates: ${result.allowedUpdates.join(', ')}); commands: ${result.commands.join(' ')}`);
}
