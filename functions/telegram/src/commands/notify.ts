import { defineCommand } from './bot-command.ts';

/** `/notify on|off`: whether the telegram module delivers this user's notifications to the chat. */
export const notifyCommand = defineCommand({
  command: 'notify',
  description: 'Turn Plaza notifications in this chat on or off (/notify on, /notify off)',
  usage: '/notify on | /notify off',
  needsLink: true,
  async handle({ ctx, chatId, args, link, deps }) {
    const setting = args.toLowerCase();
    if (setting !== 'on' && setting !== 'off') {
      await ctx.reply(`Notifications here are ${link.notifications ? 'on' : 'off'}. Send /notify on or /notify off to change that.`);
      return;
    }
    const updated = await deps.links.setNotifications({ chatId }, setting === 'on');
    if (!updated) {
      await ctx.reply('This chat is no longer linked, so there is nothing to change.');
      return;
    }
    await ctx.reply(setting === 'on' ? 'Notifications are on: your Plaza notifications will arrive here.' : 'Notifications are off: nothing more will arrive here until you send /notify on.');
  },
});
