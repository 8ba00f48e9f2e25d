import { defineCommand, type BotCommand } from './bot-command.ts';

/** `/help`: every command with what it does, from the registry. */
export const helpCommand = defineCommand({
  command: 'help',
  description: 'List the commands',
  needsLink: false,
  async handle({ ctx, link, deps, commands }) {
    await ctx.reply(helpText(commands, link !== null, deps.appUrl));
  },
});

/** The command list, as /help and the reply to an unknown command show it. */
export function helpText(commands: readonly BotCommand[], linked: boolean, appUrl: string): string {
  const lines = commands.map((c) => `${c.usage ?? `/${c.command}`} - ${c.description}`);
  const status = linked ? 'This chat is linked to your Plaza account.' : `This chat is not linked yet: sign in at ${appUrl} and choose "Link Telegram".`;
  return ['What I can do:', ...lines, '', status].join('\n');
}
