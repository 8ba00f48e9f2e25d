import { Keyboard } from 'grammy';
import { defineCommand } from './bot-command.ts';

/**
 * `/location`: asks for the location with a button that shares it (request_location). The
 * location message that comes back is stored on the link by `saveSharedLocation`.
 */
export const locationCommand = defineCommand({
  command: 'location',
  description: 'Share your location for the weather',
  needsLink: true,
  async handle({ ctx }) {
    await ctx.reply('Press the button below to share your location; /weather will then report for it.', {
      reply_markup: new Keyboard().requestLocation(shareLocationButton).resized().oneTime(),
    });
  },
});

export const shareLocationButton = '📍 Share my location';
