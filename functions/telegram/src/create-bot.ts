import type { Logger } from '@plaza/runtime';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotDependencies } from './bot-dependencies.ts';
import type { BotCommand, CommandInput } from './commands/bot-command.ts';
import { helpText } from './commands/help.ts';
import { linkFirstReply } from './commands/link-first.ts';
import { botCommands } from './commands/registry.ts';
import { saveSharedLocation } from './shared-location.ts';

export interface BotOptions {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly apiRoot: string;
  readonly deps: BotDependencies;
  readonly commands?: readonly BotCommand[];
}

/** The update types the bot acts on: what setWebhook's allowed_updates asks Telegram for. */
export const handledUpdateTypes = ['message'] as const;

/**
 * Plaza's bot: private chats only, messages from bots ignored, each update once (claimed by
 * update_id), then the command registry, shared locations, and a helpful answer to anything else.
 * Replies go back in the webhook's response when they can (one sendMessage per update), which
 * saves the call to Telegram; everything slow is published, never awaited.
 */
export function createBot({ token, botInfo, apiRoot, deps, commands = botCommands }: BotOptions): Bot {
  const bot = new Bot(token, { botInfo, client: { apiRoot, canUseWebhookReply: (method) => method === 'sendMessage' } });
  const loggers = new WeakMap<Context, Logger>();
  const loggerOf = (ctx: Context): Logger => loggers.get(ctx) ?? deps.logger;

  bot.use(async (ctx, next) => {
    const logger = deps.logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    loggers.set(ctx, logger);
    if (ctx.from?.is_bot) {
      logger.info('message from a bot ignored');
      return;
    }
    if (ctx.chat?.type !== 'private') {
      logger.info({ chatType: ctx.chat?.type ?? null }, 'update outside a private chat ignored');
      return;
    }
    if (!(await deps.claims.claim(ctx.update.update_id))) {
      logger.info('update already processed; redelivery ignored');
      return;
    }
    try {
      await next();
    } catch (error) {
      // Given back, so Telegram's redelivery (after the webhook's 500) tries again.
      await deps.claims.release(ctx.update.update_id).catch((releaseError: unknown) => logger.error({ err: releaseError }, 'could not release the update claim'));
      throw error;
    }
  });

  for (const definition of commands) {
    bot.command(definition.command, async (ctx) => {
      const chatId = ctx.chat.id;
      const link = await deps.links.findByChat(chatId);
      const input: CommandInput = { ctx, chatId, args: ctx.match.trim(), link, deps, commands, logger: loggerOf(ctx) };
      if (!definition.needsLink) return definition.handle(input);
      if (!link) {
        await ctx.reply(linkFirstReply(deps.appUrl));
        return;
      }
      return definition.handle({ ...input, link });
    });
  }

  bot.on('message:location', async (ctx) => {
    await saveSharedLocation(ctx, deps);
  });

  bot.on('message', async (ctx) => {
    const command = ctx.entities('bot_command')[0]?.text;
    const link = await deps.links.findByChat(ctx.chat.id);
    const opening = command ? `I don't know ${command}.` : 'I answer commands only.';
    loggerOf(ctx).info({ command: command ?? null }, 'unknown command or plain message');
    await ctx.reply(`${opening}\n\n${helpText(commands, link !== null, deps.appUrl)}`);
  });

  return bot;
}
