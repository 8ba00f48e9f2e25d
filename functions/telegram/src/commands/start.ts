import type { RedeemResult } from '@plaza/telegram';
import { defineCommand } from './bot-command.ts';

/**
 * `/start <token>`: what a deep link `https://t.me/<bot>?start=<token>` sends when the person
 * presses Start. The token is redeemed through the telegram module, once; `/start` alone is a
 * welcome that says how to get such a link.
 */
export const startCommand = defineCommand({
  command: 'start',
  description: 'Welcome, and link this chat to your Plaza account',
  needsLink: false,
  async handle({ ctx, chatId, args, link, deps, logger }) {
    if (args === '') {
      await ctx.reply(link ? alreadyLinkedWelcome : welcome(deps.appUrl));
      return;
    }
    const from = ctx.from;
    const result = await deps.links.redeem(args, { id: chatId, username: from?.username ?? null, firstName: from?.first_name ?? null });
    logger.info({ outcome: result.kind, ...(result.kind === 'linked' ? { uid: result.link.uid, alreadyLinked: result.alreadyLinked } : {}) }, 'link token redeemed');
    await ctx.reply(replyFor(result, deps.appUrl));
  },
});

const alreadyLinkedWelcome = 'Welcome back! This chat is linked to your Plaza account. Send /help to see what I can do.';

function welcome(appUrl: string): string {
  return [
    'Welcome to Plaza!',
    `To use me, link this chat to your Plaza account: sign in at ${appUrl}, choose "Link Telegram", and press the link it gives you. It opens this chat and links it; the link works once, for 10 minutes.`,
    'Send /help to see the commands.',
  ].join('\n\n');
}

function replyFor(result: RedeemResult, appUrl: string): string {
  switch (result.kind) {
    case 'linked':
      return result.alreadyLinked
        ? 'This chat is already linked to your Plaza account. Send /help to see what I can do.'
        : 'Done: this chat is now linked to your Plaza account. You will get your notifications here (/notify off stops them). Send /help to see what I can do.';
    case 'used':
      return `That link was already used. Each link works once: create a new one at ${appUrl} ("Link Telegram").`;
    case 'expired':
      return `That link has expired (links last 10 minutes). Create a new one at ${appUrl} ("Link Telegram").`;
    case 'unknown':
      return `That link is not valid. Create a link at ${appUrl} ("Link Telegram") and press it; do not edit it.`;
  }
}
