/**
 * The Telegram webhook: Plaza's grammY bot as a Cloud Function. What it only publishes (the
 * /weather request) is answered by the telegram module's consumers, which the gateway mounts.
 * `function.ts` is the deployed entry point.
 */
export { botInfoFrom } from './bot-info.ts';
export type { BotDependencies } from './bot-dependencies.ts';
export { createBot, handledUpdateTypes } from './create-bot.ts';
export { createTelegramWebhook } from './create-webhook.ts';
export { createWebhookApp } from './webhook-app.ts';
export { botCommands, menuCommands } from './commands/registry.ts';
export { defineCommand, type BotCommand, type CommandInput } from './commands/bot-command.ts';
export { firestoreUpdateClaims, telegramUpdatesCollection, updateClaimId, type UpdateClaims } from './update-claims.ts';
export { telegramWebhookConfigSchema, type TelegramWebhookConfig } from './webhook-config.ts';
export { localBotWalkthrough, startLocalTelegramWebhook, type LocalTelegramWebhook } from './local/local-webhook.ts';
