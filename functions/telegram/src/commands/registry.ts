import type { BotCommand as TelegramMenuCommand } from 'grammy/types';
import type { BotCommand } from './bot-command.ts';
import { helpCommand } from './help.ts';
import { locationCommand } from './location.ts';
import { meCommand } from './me.ts';
import { notifyCommand } from './notify.ts';
import { startCommand } from './start.ts';
import { unlinkCommand } from './unlink.ts';
import { weatherCommand } from './weather.ts';

/**
 * Every command the bot answers, in menu order. A new command is one file in this folder and
 * one entry here: the bot routes it, /help lists it and the deploy script registers it.
 */
export const botCommands: readonly BotCommand[] = [startCommand, helpCommand, meCommand, weatherCommand, locationCommand, notifyCommand, unlinkCommand];

/** What setMyCommands registers: Telegram's command menu. */
export function menuCommands(commands: readonly BotCommand[] = botCommands): TelegramMenuCommand[] {
  return commands.map(({ command, description }) => ({ command, description }));
}
