import type { Logger } from '@plaza/runtime';
import type { TelegramLink } from '@plaza/telegram';
import type { CommandContext, Context } from 'grammy';
import type { BotDependencies } from '../bot-dependencies.ts';

export interface CommandInput {
  readonly ctx: CommandContext<Context>;
  /** The private chat the command came from (also the person: the bot only talks in private chats). */
  readonly chatId: number;
  /** What follows the command, trimmed (`/weather 3h` -> `3h`). */
  readonly args: string;
  /** The chat's link, or null when the chat is not linked. */
  readonly link: TelegramLink | null;
  readonly deps: BotDependencies;
  /** Every command the bot answers (for /help). */
  readonly commands: readonly BotCommand[];
  /** The update's logger. */
  readonly logger: Logger;
}

interface CommandBase {
  /** Without the slash: 1-32 of a-z, 0-9 and _ (Telegram's rule for setMyCommands). */
  readonly command: string;
  /** The menu text setMyCommands registers, and the line /help shows (3-256 characters). */
  readonly description: string;
  /** How to call it when it takes arguments, e.g. `/weather now|3h`; shown by /help. */
  readonly usage?: string;
}

/** A command anyone may use; it sees the link, which may be null. */
export interface PublicCommand extends CommandBase {
  readonly needsLink: false;
  handle(input: CommandInput): Promise<void>;
}

/** A command for linked chats only; an unlinked chat gets "link your account first" instead. */
export interface LinkedCommand extends CommandBase {
  readonly needsLink: true;
  handle(input: CommandInput & { readonly link: TelegramLink }): Promise<void>;
}

export type BotCommand = PublicCommand | LinkedCommand;

const commandName = /^[a-z0-9_]{1,32}$/;

/** Checks the command against Telegram's rules at import time, so a bad one never reaches setMyCommands. */
export function defineCommand<Command extends BotCommand>(command: Command): Command {
  if (!commandName.test(command.command)) throw new Error(`/${command.command}: a command is 1-32 of a-z, 0-9 and _`);
  if (command.description.length < 3 || command.description.length > 256) throw new Error(`/${command.command}: the description must be 3-256 characters`);
  return command;
}
