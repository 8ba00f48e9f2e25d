import { defineCommand } from './bot-command.ts';

/** `/unlink`: removes this chat's link (idempotent: a second /unlink says there is none). */
export const unlinkCommand = defineCommand({
  command: 'unlink',
  description: 'Unlink this chat from your Plaza account',
  needsLink: false,
  async handle({ ctx, chatId, deps, logger }) {
    const removed = await deps.links.unlinkByChat(chatId);
    logger.info({ unlinked: removed !== null, ...(removed ? { uid: removed.uid } : {}) }, 'unlink');
    await ctx.reply(
      removed
        ? 'This chat is no longer linked to your Plaza account; nothing more will arrive here. To link it again, create a new link on the dashboard.'
        : 'This chat is not linked to a Plaza account, so there is nothing to unlink.',
    );
  },
});
