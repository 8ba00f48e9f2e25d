import type { Context, Filter } from 'grammy';
import type { BotDependencies } from './bot-dependencies.ts';
import { linkFirstReply } from './commands/link-first.ts';

/**
 * A location message (the /location button, or the attachment menu): stored on the chat's link
 * through the telegram module, so /weather reports for it from now on, across restarts.
 */
export async function saveSharedLocation(ctx: Filter<Context, 'message:location'>, deps: BotDependencies): Promise<void> {
  const { latitude, longitude } = ctx.message.location;
  const updated = await deps.links.setLocation(ctx.chat.id, { lat: latitude, lon: longitude });
  if (!updated) {
    await ctx.reply(linkFirstReply(deps.appUrl), { reply_markup: { remove_keyboard: true } });
    return;
  }
  await ctx.reply(`Saved your location (${latitude.toFixed(2)}, ${longitude.toFixed(2)}). /weather now reports for it.`, {
    reply_markup: { remove_keyboard: true },
  });
}
