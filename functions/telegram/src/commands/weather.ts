import { defineCommand } from './bot-command.ts';

const periods = { '': 'now', now: 'now', '3h': '3h' } as const;

/**
 * `/weather now` and `/weather 3h`: only published here. The lookup may wait on Open-Meteo, far
 * too slow a thing to await inside Telegram's webhook call, so a consumer answers in the chat.
 */
export const weatherCommand = defineCommand({
  command: 'weather',
  description: 'The weather now, or for the next 3 hours (/weather 3h)',
  usage: '/weather now | /weather 3h',
  needsLink: true,
  async handle({ ctx, chatId, args, link, deps, logger }) {
    const period = periods[args.toLowerCase() as keyof typeof periods];
    if (!period) {
      await ctx.reply('Try /weather now for the current weather, or /weather 3h for the next three hours.');
      return;
    }
    const location = link.location ? { latitude: link.location.lat, longitude: link.location.lon } : null;
    await deps.requestWeather({ chatId, uid: link.uid, period, location }, logger);
  },
});
